# syntax=docker/dockerfile:1
# vcready: one binary with every asset embedded; SQLite (cgo) by default.
# Build on Debian 12 so the binary's glibc matches the distroless base-debian12 runtime.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=docker
# Keep this line identical to the build step in .ci/run, which proves it on every change.
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=1 go build -trimpath -tags sqlite_omit_load_extension -ldflags="-s -w -X main.version=${VERSION}" -o /out/vcready ./cmd/vcready \
 && mkdir -p /out/data

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/vcready /usr/local/bin/vcready
COPY --from=build --chown=65532:65532 /out/data /data
ENV VCREADY_ADDR=0.0.0.0:8080 \
    VCREADY_DB=/data/vcready.db
VOLUME ["/data"]
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/vcready", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/vcready"]
CMD ["serve"]
