#!/usr/bin/env bash
# Builds the library and the benchmarks, then runs JMH with the arguments given, e.g.
#   benchmarks/run.sh EncodeBenchmark -prof gc
# Without a shaded jar: Log4j's plugin descriptors (Log4j2Plugins.dat) of log4j-core and of this bundle would
# collide in one, so JMH runs on the plain class path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -q -B -f "$here/../pom.xml" install -DskipTests
mvn -q -B -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.openjdk.jmh.Main "$@"
