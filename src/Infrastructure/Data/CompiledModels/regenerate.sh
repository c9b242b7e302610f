#!/usr/bin/env bash
# Regenerates the compiled EF Core models (one per database provider) after a change to the model: an entity, a
# configuration under Data/EntityConfigurations, or a provider-specific setting. Run it from anywhere, after
# `dotnet ef migrations add` if the change needs a migration. The test CompiledModelsAreCurrent fails until it is run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet build src/Migrations --nologo -v quiet >/dev/null || dotnet build src/Migrations --nologo -v quiet
for provider in Sqlite Postgres; do
  rm -rf "src/Infrastructure/Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --project src/Infrastructure --startup-project src/Migrations \
    --context "${provider}DigestDbContext" --output-dir "Data/CompiledModels/$provider" \
    --namespace "Digest.Infrastructure.Data.CompiledModels.$provider" >/dev/null
  echo "Data/CompiledModels/$provider regenerated"
done
