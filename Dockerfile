# syntax=docker/dockerfile:1
# mvc as a Docker container action. Multi-stage: a Go toolchain builds a
# static binary; the final image carries only that binary, git (the Action
# reads the checkout's history when there is one) and CA certificates.

FROM golang:1.26-alpine AS build
WORKDIR /src
# Modules first, so source edits do not invalidate the download layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/mvc ./cmd/mvc

FROM alpine:3.22
# The runner mounts the workspace owned by another uid; without this git
# refuses to read it ("dubious ownership").
RUN apk add --no-cache git ca-certificates \
 && git config --system --add safe.directory '*'
COPY --from=build /out/mvc /mvc
# No USER: GitHub requires Docker actions to run as root. No WORKDIR: the
# runner sets the working directory to the mounted workspace.
ENTRYPOINT ["/mvc"]
CMD ["action"]
