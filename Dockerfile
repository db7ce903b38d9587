# chartline in one image: the CLI, the queue worker (default) and the API (`serve`).
#   docker build -t chartline .
#   docker run --rm -e REDIS_URL=… -e DATABASE_URL=… -v blobs:/data/blobs chartline worker
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# scripts off: `prepare` would compile before the sources are here
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY workers ./workers
COPY bench ./bench
COPY bin ./bin
COPY patterns ./patterns
RUN npx tsc -p tsconfig.json && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CHARTLINE_DATA=/data \
    CHARTLINE_BLOBS=/data/blobs
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY patterns ./patterns
# the blob volume mounts here; a new named volume takes this owner
RUN mkdir -p /data/blobs && chown -R node:node /data
# OCR runs offline: the English model comes with the image (node_modules/@tesseract.js-data/eng),
# libvips with sharp's prebuilt binary, page rendering with @napi-rs/canvas; the build fails here if
# any of them is missing rather than at the first fax
RUN node -e "require.resolve('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'); require('sharp'); require('@napi-rs/canvas'); require('tesseract.js-core/tesseract-core-simd-lstm.wasm.js')"
USER node
# the node options of bin/chartline.mjs's first line (one V8 helper thread; see README, Performance)
ENTRYPOINT ["node", "--v8-pool-size=1", "bin/chartline.mjs"]
CMD ["worker"]
