#!/usr/bin/env bash
# Builds the srt-relay and slide-splitter images in Azure Container Registry (ACR Tasks), so no
# local Docker engine is needed. Uses the caller's `az login`; takes no secrets.
#
#   scripts/acr-build.sh <registry-name> [tag]
#
# The tag defaults to the app's version (package.json), the tag events deploy (lib/image-tag.ts);
# each image is also tagged with the commit it was built from. No "latest": a moving tag makes
# two deploys of one release pull different images.
set -euo pipefail

usage() { echo "usage: scripts/acr-build.sh <registry-name> [tag]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
registry="$1"
if ! [[ "$registry" =~ ^[a-zA-Z0-9]{5,50}$ ]]; then
  echo "acr-build: registry name \"$registry\" must be 5-50 letters or digits (the name, not the login server)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
tag="${2:-$(node -p "require('./package.json').version")}"
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo "$tag")"
if ! [[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]]; then
  echo "acr-build: tag \"$tag\" is not a valid image tag" >&2
  exit 2
fi
command -v az >/dev/null || { echo "acr-build: the Azure CLI (az) is not on PATH" >&2; exit 2; }

# Upload only what the Dockerfiles copy: the repository root holds node_modules and state.
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/lib"
cp lib/contract.ts lib/media-status.ts lib/mixer-model.ts lib/mixer-status.ts lib/secrets.ts "$context/lib/"
cp -R containers "$context/"
rm -rf "$context/containers/bench"

for image in srt-relay slide-splitter language-mixer; do
  echo "acr-build: $registry.azurecr.io/$image:$tag"
  az acr build --registry "$registry" \
    --image "$image:$tag" --image "$image:$commit" \
    --file "$context/containers/$image/Dockerfile" "$context"
done
