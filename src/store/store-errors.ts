// Errors a caller can tell apart: the CLI turns them into one clear line, the API into a status code.

/** The embedded database directory is held by another process (PGlite serves exactly one). */
export class StoreLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLockedError';
  }
}

/** The database cannot be reached or opened (PostgreSQL down, wrong DATABASE_URL, unreadable data dir). */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** A lookup by id found nothing (an API answers 404). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
