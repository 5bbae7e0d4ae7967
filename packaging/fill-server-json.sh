#!/usr/bin/env bash
# Prints server.json ($1) for a release: the registry name and URLs of the GitHub repository $3 (owner/name),
# version $4, and for each .mcpb package the release download URL and the SHA-256 of the matching file
# (same OS) in the folder $2. Used by .github/workflows/release.yml; needs jq.
set -euo pipefail
template=$1 dist=$2 repository=$3 version=$4
owner=${repository%%/*}
json=$(jq --arg owner "$owner" --arg repository "$repository" --arg version "$version" '
    .name = "io.github.\($owner)/jcr-mcp"
    | .version = $version
    | .repository.url = "https://github.com/\($repository)"
    | .websiteUrl = "https://github.com/\($repository)"
    | .packages |= map(
        if .registryType == "oci" then .identifier = "ghcr.io/\($repository | ascii_downcase):\($version)"
        else . end)' "$template")
for os in linux darwin win32; do
    file=$(find "$dist" -maxdepth 1 -name "jcr-mcp-*-$os-*.mcpb" | head -n 1)
    [[ -n $file ]] || { echo "fill-server-json.sh: no $os .mcpb in $dist" >&2; exit 1; }
    name=$(basename "$file")
    sha=$(sha256sum "$file" | cut -d' ' -f1)
    json=$(jq --arg os "$os" --arg url "https://github.com/$repository/releases/download/v$version/$name" \
              --arg sha "$sha" --arg version "$version" '
        .packages |= map(
            if .registryType == "mcpb" and (.identifier | test("-\($os)-")) then
                .identifier = $url | .fileSha256 = $sha | .version = $version
            else . end)' <<< "$json")
done
printf '%s\n' "$json"
