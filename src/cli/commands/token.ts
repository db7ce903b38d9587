// chartline token create|list|revoke — API tokens for the web app and the JSON API. A token is
// printed once, when created; the store keeps only its sha256.
import type { Command } from 'commander';
import { API_ROLES, ApiRoleSchema } from '../../store/records.js';
import { openStore } from '../../store/store.js';
import { UsageError } from '../inputs.js';

const ENV_HELP = `
Reads and writes PostgreSQL when DATABASE_URL is set, else the embedded database in CHARTLINE_DATA —
also while \`chartline serve\` runs on it (through its socket in that folder), so a reviewer can be
added without stopping the service. Admins can do the same on the web app's Tokens page.`;

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description('create, list or revoke API tokens (bearer tokens for `chartline serve`)')
    .addHelpText(
      'after',
      `
Roles are cumulative: intake (upload bundles, see their status and what could not be read) <
reviewer (also read chronologies, source pages and originals, export them, review flags) < analyst
(also list, bulk-review and export flags across bundles, the queue dashboard) < admin (also manage
tokens in the web app).
${ENV_HELP}

Examples:
  chartline token create --role reviewer --name "Dr. A. Reviewer"
  chartline token list
  chartline token revoke tok_3f9a0c21b7aa`,
    );

  token
    .command('create')
    .description('create a token and print it (once: only its hash is stored)')
    .requiredOption('-r, --role <role>', `${API_ROLES.join(', ')}`)
    .requiredOption('-n, --name <name>', 'who or what uses it; recorded with every review made with it')
    .option('--json', 'print the token and its record as JSON')
    .action(async (opts: { role: string; name: string; json?: boolean }) => {
      const role = ApiRoleSchema.safeParse(opts.role);
      if (!role.success) throw new UsageError(`--role must be one of ${API_ROLES.join(', ')}, not "${opts.role}"`);
      const name = opts.name.trim();
      if (!name || name.length > 200) throw new UsageError('--name must be 1 to 200 characters');
      const store = await openStore();
      try {
        const created = await store.createApiToken({ name, role: role.data });
        if (opts.json) process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
        else {
          process.stdout.write(`${created.token}\n`);
          process.stderr.write(`chartline: created ${created.record.id} (${created.record.role}, "${created.record.name}"); the token above is shown only now — keep it\n`);
        }
      } finally {
        await store.close();
      }
    });

  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const store = await openStore({}, process.env, { mustExist: true });
      try {
        const tokens = await store.listApiTokens();
        if (opts.json) process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
        else if (tokens.length === 0) process.stdout.write('no tokens; create one with `chartline token create --role R --name N`\n');
        else {
          for (const t of tokens) {
            process.stdout.write(`${t.id}  ${t.role.padEnd(8)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'.padEnd(8)}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}\n`);
          }
        }
      } finally {
        await store.close();
      }
    });

  token
    .command('revoke')
    .description('revoke a token at once (its sessions end too)')
    .argument('<id>', "the token's id (tok_…), from `chartline token list`")
    .action(async (id: string) => {
      const store = await openStore({}, process.env, { mustExist: true });
      try {
        if (!(await store.revokeApiToken(id))) throw new Error(`no active token ${id}`);
        process.stderr.write(`chartline: revoked ${id}\n`);
      } finally {
        await store.close();
      }
    });
}
