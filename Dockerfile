# syntax=docker/dockerfile:1
# Multi-stage build of netstatd: the JDK 17 builds the jar with the project's own wrapper
# (the build stays on 17), a JRE 25 runs it from an AOT cache (JEP 483/514) that a training
# run writes in the image: ready in about 1.5 s instead of 3 (docs/performance.md).
# docker-compose.yml runs the result with the host's network and pid namespaces.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
# the sources, and .git where the context has one: the commit /actuator/info shows
# (git-commit-id-maven-plugin reads it; a source tree without .git builds without a
# commit). .dockerignore keeps build output and what the image does not need out.
COPY . .
# the extracted layout (target/netstatd: netstatd.jar and lib/), without the JDK 17
# class-data archive: the runtime stage writes its own AOT cache
RUN ./mvnw -B -q -DskipTests -DskipClassData=true package

FROM eclipse-temurin:25-jre
WORKDIR /opt/netstatd
COPY --from=build /src/target/netstatd/netstatd.jar /opt/netstatd/netstatd.jar
COPY --from=build /src/target/netstatd/lib /opt/netstatd/lib
COPY src/main/jvm/options /opt/netstatd/jvm.options
# glibc's malloc arenas, one per core by default, hold native memory the JVM gave back:
# two keep the RSS about 12 MB lower under load (README, Performance)
ENV MALLOC_ARENA_MAX=2
# the training run: the context starts and exits (spring.context.exit=onRefresh), and the
# JVM writes the classes it loaded and linked, and their profiles, to the cache
RUN ["java", "@/opt/netstatd/jvm.options", "-XX:AOTCacheOutput=/opt/netstatd/netstatd.aot", "-Xlog:disable", "-Dspring.context.exit=onRefresh", "-jar", "/opt/netstatd/netstatd.jar", "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn"]
# root inside the container, but with every capability dropped except the ones that reading
# other processes' /proc/<pid>/fd needs (see docker-compose.yml)
ENTRYPOINT ["java", "@/opt/netstatd/jvm.options", "-XX:AOTCache=/opt/netstatd/netstatd.aot", "-jar", "/opt/netstatd/netstatd.jar"]
