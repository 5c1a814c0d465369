# Wegweiser: a static binary on distroless, run as a non-root user.
#   docker build -t wegweiser .
#   docker run -p 8080:8080 wegweiser
# The records are embedded; mount a folder and add --data to serve and
# hot-reload that instead (see docs/deploy.md).

# The newest Go 1.26. The official image sets GOTOOLCHAIN=local; asking for
# go1.26.10 (go.mod's toolchain, with the security fixes) makes its go command
# fetch that version when the image's is older.
FROM golang:1.26-bookworm AS build
ENV GOTOOLCHAIN=go1.26.10
WORKDIR /src
# Modules first, so that a change in the code does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# CGO off: a static binary that needs no libc in the final image.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/wegweiser ./cmd/wegweiser \
 && /out/wegweiser check --quiet

# distroless/static has CA certificates, tzdata and a nonroot user (65532),
# and no shell or package manager for an intruder to use.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wegweiser /wegweiser
USER nonroot:nonroot
EXPOSE 8080 9090
ENTRYPOINT ["/wegweiser", "serve"]
CMD ["--addr", ":8080", "--rate-limit", "20", "--log-format", "json"]
