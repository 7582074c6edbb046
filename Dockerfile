# The News Annotator CLI in a container, for batch runs (see deploy/README.md).
#   docker build -t news-annotator:0.1.0 .
#   docker run --rm -i news-annotator:0.1.0 analyze --json - < article.txt
#   docker run --rm -v "$PWD/archive:/data:ro" -w /data news-annotator:0.1.0 analyze --files-from manifest.txt
# Stage 1 makes the npm tarball from this checkout (`npm pack`: the CLI bundle and its model alone);
# stage 2 installs it globally on a slim Node image, exactly as a user installs the tarball.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN mkdir /pack && npm pack --pack-destination /pack

FROM node:20-bookworm-slim
COPY --from=build /pack/ /tmp/pack/
RUN npm install -g --no-audit --no-fund /tmp/pack/news-annotator-*.tgz && rm -rf /tmp/pack && npm cache clean --force
USER node
WORKDIR /data
ENTRYPOINT ["news-annotator"]
CMD ["--help"]
