package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var baseImages = map[string]string{
	"go": "golang", "npm": "node", "yarn": "node", "pnpm": "node", "python": "python", "uv": "python",
	"maven": "eclipse-temurin", "gradle": "gradle", "cargo": "rust", "ruby": "ruby", "php": "php", "dotnet": "mcr.microsoft.com/dotnet/sdk",
}

func dockerfile(r *rand.Rand, eco string) string {
	return fmt.Sprintf("# syntax=docker/dockerfile:1\nARG VERSION=%d\nFROM --platform=$BUILDPLATFORM %s:${VERSION} AS build\nWORKDIR /src\nCOPY . .\nRUN make build\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /src/out /app\nENTRYPOINT [\"/app\"]\n",
		1+r.IntN(20), baseImages[eco])
}

func kubernetes(r *rand.Rand, dir string) string {
	app := strings.ReplaceAll(dir, "/", "-")
	return fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: %s
spec:
  replicas: %d
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/example/migrate:v%d
      containers:
        - name: app
          image: ghcr.io/example/%s:%s
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: %s
spec:
  ports:
    - port: 80
`, app, 1+r.IntN(5), 1+r.IntN(3), app, semver(r), app)
}

func compose(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("services:\n")
	images := []string{"postgres", "redis", "mongo", "rabbitmq", "bitnami/kafka", "nginx"}
	for i := range n {
		fmt.Fprintf(&b, "  svc%d:\n    image: %s:%d\n", i, pick(r, images), 1+r.IntN(16))
	}
	return b.String()
}

func terraform(r *rand.Rand) string {
	return fmt.Sprintf(`terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> %d.0"
    }
    google = {
      source  = "hashicorp/google"
      version = ">= 5.%d"
    }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "bucket-%d"
}
`, 4+r.IntN(2), r.IntN(10), r.IntN(1000))
}

func workflow(r *rand.Rand) string {
	return fmt.Sprintf(`name: ci
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v%d
      - uses: actions/setup-go@v5
      - uses: actions/cache@v%d
      - run: make test
  deploy:
    uses: example/shared/.github/workflows/deploy.yml@v%d
`, 3+r.IntN(2), 3+r.IntN(2), 1+r.IntN(3))
}
