# AI Industry Monitor: one container serving the dashboard, its SQLite database on a volume.
#
#   docker build -t ai-industry-monitor .
#   docker run -p 8080:8080 -v aim-data:/data ai-industry-monitor
#
# The base images are build arguments, so the image also builds where only other (local or
# mirrored) images exist: any Maven + JDK 17 image for the build, any Debian/Ubuntu-based
# Java 17 runtime for the result. .ci/container-check builds it that way with podman.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
# Dependencies first, in a layer of their own that only a pom.xml change rebuilds: packaging the
# project without sources downloads exactly the plugins and libraries the real build uses
# (dependency:go-offline misses some), so a code change never downloads anything again.
COPY pom.xml ./
RUN mvn -B -ntp -DskipTests package && rm -rf target
COPY src ./src
COPY web ./web
COPY data ./data
# Offline: proves the layer above holds everything. The tests run in CI (mvn verify), not here.
RUN mvn -B -ntp -o -DskipTests package

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="AI Industry Monitor" \
      org.opencontainers.image.description="Server-rendered dashboard of China's AI industry, every figure with its source"
# A CJK font so Chinese names and titles render and print instead of empty boxes.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fontconfig fonts-noto-cjk \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*
# A fixed numeric non-root user, so orchestrators can verify runAsNonRoot; /data belongs to it
# before VOLUME, so a new named volume starts out writable by the app.
RUN groupadd --system --gid 10001 aim \
 && useradd --system --uid 10001 --gid aim --home-dir /app --no-create-home --shell /usr/sbin/nologin aim \
 && mkdir -p /data \
 && chown aim:aim /data
COPY --from=build /build/target/ai-industry-monitor.jar /app/ai-industry-monitor.jar

# JVM memory follows the container's limit (run with --memory, e.g. 512m): the heap may take 25 %
# of it (128 MB of 512 MB), which is plenty, because the dataset is small and pages are cached;
# a larger heap only lets the resident size grow (measured with .ci/benchmark: 234 MB resident
# after load at 75 %, 191 MB at 25 %). The serial collector and the C1 compiler alone keep the
# footprint and start-up small at no measured cost in throughput (pages are served from cache).
# After an OutOfMemoryError a JVM limps on with dead threads; exiting lets the restart policy
# start a fresh one. Override the whole variable to change any of this
# (docker run -e JAVA_TOOL_OPTIONS=...).
ENV AIM_DB_PATH=/data/monitor.db \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"

# Class-data sharing: one training start (seed a throw-away database, answer /healthz, stop)
# records the classes the app loads in an archive that every later start maps instead of
# loading them from the jar again. Start-up to the first /healthz fell from about 2.9 s to
# 1.6 s on 2 cores (README, "Security, caching and speed"). The archive belongs to this jar and
# this JVM; should either ever differ, the JVM ignores the archive and starts the slow way.
RUN set -e; mkdir /tmp/cds; \
    AIM_DB_PATH=/tmp/cds/monitor.db PORT=18080 \
      java -XX:ArchiveClassesAtExit=/app/ai-industry-monitor.jsa -jar /app/ai-industry-monitor.jar \
      >/tmp/cds/log 2>&1 & pid=$!; \
    up=no; for i in $(seq 1 240); do \
      if PORT=18080 java -cp /app/ai-industry-monitor.jar org.aimonitor.health.HealthCheck >/dev/null 2>&1; \
      then up=yes; break; fi; sleep 0.5; done; \
    kill -TERM "$pid"; wait "$pid" || true; \
    if [ "$up" != yes ] || [ ! -s /app/ai-industry-monitor.jsa ]; then cat /tmp/cds/log; exit 1; fi; \
    chmod 0444 /app/ai-industry-monitor.jsa; rm -rf /tmp/cds
ENV JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -XX:SharedArchiveFile=/app/ai-industry-monitor.jsa"
VOLUME /data
EXPOSE 8080
WORKDIR /app
USER 10001:10001

# The check is a class in the jar (GET /healthz, exit 0 or 1): the image needs no curl or wget.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/app/ai-industry-monitor.jar", "org.aimonitor.health.HealthCheck"]

# Exec form: java is PID 1 and gets docker stop's SIGTERM itself; its shutdown hook finishes
# requests in flight and merges the SQLite log before it exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/ai-industry-monitor.jar"]
