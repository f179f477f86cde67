# syntax=docker/dockerfile:1
# Multi-stage build of netstatd: the JDK builds the jar with the project's own wrapper, the
# JRE runs it. docker-compose.yml runs the result with the host's network and pid namespaces.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
# the sources, and .git where the context has one: the commit /actuator/info shows
# (git-commit-id-maven-plugin reads it; a source tree without .git builds without a
# commit). .dockerignore keeps build output and what the image does not need out.
COPY . .
RUN ./mvnw -B -q -DskipTests package && cp target/netstatd-*.jar /netstatd.jar

FROM eclipse-temurin:17-jre
COPY --from=build /netstatd.jar /opt/netstatd/netstatd.jar
COPY src/main/jvm/options /opt/netstatd/jvm.options
# glibc's malloc arenas, one per core by default, hold native memory the JVM gave back:
# two keep the RSS about 12 MB lower under load (README, Performance)
ENV MALLOC_ARENA_MAX=2
# root inside the container, but with every capability dropped except the ones that reading
# other processes' /proc/<pid>/fd needs (see docker-compose.yml)
ENTRYPOINT ["java", "@/opt/netstatd/jvm.options", "-jar", "/opt/netstatd/netstatd.jar"]
