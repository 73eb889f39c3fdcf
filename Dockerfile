# AI Industry Monitor: one container serving the dashboard, its SQLite database on a volume.
#
#   docker build -t ai-industry-monitor .
#   docker run -p 8080:8080 --memory 512m -v aim-data:/data ai-industry-monitor
#
# The base images are build arguments, so the image also builds where only other (local or
# mirrored) images exist: any Maven + JDK 17 image (with jlink and the JDK's jmods) for the
# build, any glibc-based Linux with bash and useradd for the result. The result holds no JDK of
# its own: the build links a Java runtime of just the modules the app uses (jlink).
# .ci/container-check builds it that way with podman.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
# Dependencies first, in a layer of their own that only a pom.xml change rebuilds: packaging the
# project without sources downloads exactly the plugins and libraries the real build uses
# (dependency:go-offline misses some), so a code change never downloads anything again.
# The same layer links the Java runtime from that jar of dependencies: the modules jdeps finds,
# those our own code adds (java.sql; java.net.http for org.aimonitor.health.HealthCheck), and
# those reached only by reflection or service lookup: jdk.zipfs (a jar opened as a file system),
# jdk.unsupported (sun.misc.Unsafe) and jdk.localedata for English and Chinese.
# Not jdk.jfr, which jdeps finds: only jdbi's statement event uses it, and jdbi registers that
# with the Flight Recorder whenever the module is there (about 0.1 s of each start); without it
# jdbi simply records no events (so the container has no JFR; use jcmd's thread and heap tools).
# No Java debug attributes, headers or man pages (--strip-debug would also strip native symbols,
# which needs objcopy, absent from most JDK images); a default class-data archive for the JDK itself
# (not the one for heaps over 32 GB).
COPY pom.xml ./
# The style check runs in CI (mvn verify); here it is skipped (its configuration lives in src/,
# not yet copied), though its plugin is resolved so the offline build below has it.
RUN set -e; mvn -B -ntp -DskipTests -Dcheckstyle.skip package; \
    modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps target/ai-industry-monitor.jar \
      | tr , '\n' | grep -vx jdk.jfr | paste -sd, -); \
    echo "jdeps: $modules"; \
    jlink --add-modules "$modules,java.sql,java.net.http,jdk.zipfs,jdk.unsupported,jdk.localedata" \
      --include-locales=en,zh --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 \
      --generate-cds-archive --output /build/jre; \
    rm -f /build/jre/lib/server/classes_nocoops.jsa; \
    rm -rf target
COPY src ./src
COPY web ./web
COPY data ./data
# Offline: proves the layer above holds everything. The tests run in CI (mvn verify), not here.
# Of sqlite-jdbc's native libraries for 25 platforms only this platform's is kept, in /app/lib,
# where the JVM loads it directly (no copy into /tmp at every start); brotli's likewise. Where
# either has none for this platform (brotli4j ships linux-x86_64 only), the jar keeps sqlite's
# and the app serves gzip instead of brotli.
RUN set -e; mvn -B -ntp -o -DskipTests -Dcheckstyle.skip package; \
    mkdir -p app/lib unpacked; \
    case "$(uname -m)" in \
      x86_64) sqlite=Linux/x86_64 brotli=linux-x86_64 ;; \
      aarch64) sqlite=Linux/aarch64 brotli=linux-aarch64 ;; \
      *) sqlite="" brotli="" ;; \
    esac; \
    cd unpacked; jar xf ../target/ai-industry-monitor.jar; \
    if [ -n "$sqlite" ] && [ -f "org/sqlite/native/$sqlite/libsqlitejdbc.so" ]; then \
      mv "org/sqlite/native/$sqlite/libsqlitejdbc.so" ../app/lib/; rm -rf org/sqlite/native; \
    fi; \
    if [ -n "$brotli" ] && [ -f "lib/$brotli/libbrotli.so" ]; then mv "lib/$brotli/libbrotli.so" ../app/lib/; fi; \
    rm -rf lib; mv META-INF/MANIFEST.MF ../MANIFEST.MF; \
    jar --create --file ../app/ai-industry-monitor.jar --manifest ../MANIFEST.MF .; \
    cd ..; rm -rf unpacked; \
    cp src/main/docker/healthcheck app/healthcheck; chmod 0555 app/healthcheck; ls -l app app/lib

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="AI Industry Monitor" \
      org.opencontainers.image.description="Server-rendered dashboard of China's AI industry, every figure with its source"
# No fonts: the server draws no text (charts, PNG downloads and printing happen in the reader's
# browser), and the Java runtime has no font code that could use them.
# A fixed numeric non-root user, so orchestrators can verify runAsNonRoot; /data belongs to it
# before VOLUME, so a new named volume starts out writable by the app.
RUN groupadd --system --gid 10001 aim \
 && useradd --system --uid 10001 --gid aim --home-dir /app --no-create-home --shell /usr/sbin/nologin aim \
 && mkdir -p /data \
 && chown aim:aim /data
COPY --from=build /build/jre /opt/java
COPY --from=build /build/app /app

# JVM memory follows the container's limit (run with --memory, e.g. 512m): the heap may take 25 %
# of it (128 MB of 512 MB), plenty for a small dataset whose pages are cached. The serial
# collector and the C1 compiler alone keep footprint and start-up small at no measured cost in
# throughput (pages are served from cache). The heap gives memory back soon (Min/MaxHeapFreeRatio)
# and its young generation stays at 16 MB (NewSize as well as MaxNewSize: starting smaller costs
# about 0.2 s of start-up in young collections while the app loads), the code cache is capped at 32 MB and thread
# stacks at 512 KB: together about 40 MB less resident after load (docs/operations.md, "Container").
# After an OutOfMemoryError a JVM limps on with dead threads; exiting lets the restart policy
# start a fresh one. Override the whole variable to change any of this
# (docker run -e JAVA_TOOL_OPTIONS=...).
ENV AIM_DB_PATH=/data/monitor.db \
    PORT=8080 \
    JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:NewSize=16m -XX:MaxNewSize=16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:ReservedCodeCacheSize=32m -Xss512k"

# Class-data sharing: one training start (seed a throw-away database, answer /healthz, stop)
# records the classes the app loads in an archive that every later start maps instead of
# loading them from the jar again (docs/operations.md, "Container"). The archive belongs to this jar and
# this JVM; should either ever differ, the JVM ignores the archive and starts the slow way.
RUN set -e; mkdir /tmp/cds; \
    AIM_DB_PATH=/tmp/cds/monitor.db PORT=18080 \
      java -XX:ArchiveClassesAtExit=/app/ai-industry-monitor.jsa \
      -Dorg.sqlite.lib.path=/app/lib -Dorg.sqlite.lib.name=libsqlitejdbc.so \
      -Dbrotli4j.library.path=/app/lib/libbrotli.so -jar /app/ai-industry-monitor.jar \
      >/tmp/cds/log 2>&1 & pid=$!; \
    up=no; for i in $(seq 1 600); do \
      if PORT=18080 /app/healthcheck >/dev/null 2>&1; then up=yes; break; fi; sleep 0.2; done; \
    kill -TERM "$pid"; wait "$pid" || true; \
    if [ "$up" != yes ] || [ ! -s /app/ai-industry-monitor.jsa ]; then cat /tmp/cds/log; exit 1; fi; \
    chmod 0444 /app/ai-industry-monitor.jsa; rm -rf /tmp/cds /tmp/sqlite-* /tmp/*brotli*
ENV JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -XX:SharedArchiveFile=/app/ai-industry-monitor.jsa"
VOLUME /data
EXPOSE 8080
WORKDIR /app
USER 10001:10001

# bash's /dev/tcp GETs /healthz (exit 0 on a 200): no JVM start per check, no curl in the image.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/app/healthcheck"]

# Exec form: java is PID 1 and gets docker stop's SIGTERM itself; its shutdown hook finishes
# requests in flight and merges the SQLite log before it exits. The native libraries' places are
# here, not in JAVA_TOOL_OPTIONS, so overriding that variable keeps them.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-Dorg.sqlite.lib.path=/app/lib", "-Dorg.sqlite.lib.name=libsqlitejdbc.so", "-Dbrotli4j.library.path=/app/lib/libbrotli.so", "-jar", "/app/ai-industry-monitor.jar"]
