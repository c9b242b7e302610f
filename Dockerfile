# Digest web app. Build: docker build -t digest-web .   (docker-compose.yml builds it too)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so a code change does not re-download packages.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/Digest.Domain.csproj src/Domain/
COPY src/Infrastructure/Digest.Infrastructure.csproj src/Infrastructure/
COPY src/Migrations/Digest.Migrations.csproj src/Migrations/
COPY src/Web/Digest.Web.csproj src/Web/
RUN dotnet restore src/Web/Digest.Web.csproj

COPY src/ src/
RUN dotnet publish src/Web/Digest.Web.csproj -c Release -o /app/publish --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Digest__DataDirectory=/app/data
COPY --from=build /app/publish .
# The data directory must belong to the unprivileged user; a new named volume takes this ownership.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# APP_UID is the non-root "app" user that the official .NET images ship.
USER $APP_UID
VOLUME /app/data
EXPOSE 8080
# No HEALTHCHECK here: the image has no curl. docker-compose.yml probes /healthz with bash instead.
ENTRYPOINT ["dotnet", "Digest.Web.dll"]
