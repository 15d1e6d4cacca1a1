# syntax=docker/dockerfile:1
# argmap: a static binary built with Go, run as a non-root user on Alpine.
#   docker build -t argmap .
#   docker run -p 8080:8080 -v argmap-data:/data argmap          (SQLite in /data)
#   docker compose up                                            (with Neo4j)

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so that a code change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/argmap ./cmd/argmap-render

FROM alpine:3.21
# ca-certificates for neo4j+s:// and bolt+s://; wget (busybox) for the health check.
RUN apk add --no-cache ca-certificates \
	&& addgroup -S -g 10001 argmap \
	&& adduser -S -D -H -u 10001 -G argmap argmap \
	&& mkdir -p /data \
	&& chown argmap:argmap /data
COPY --from=build /out/argmap /out/argmap-render /usr/local/bin/
USER argmap:argmap
WORKDIR /data
ENV ARGMAP_STORE=/data/argmap.db \
	ARGMAP_ADDR=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
	CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/argmap"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
