#!/usr/bin/env bash
# Builds the benchmarks (with the bundle of this checkout, from the reactor) and runs JMH with the arguments given,
# e.g.
#   benchmarks/run.sh EncodeBenchmark -prof gc
# No shaded jar: the Log4j2Plugins.dat descriptors of log4j-core and of this bundle would collide in one, so JMH
# runs on the plain class path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mvn -q -B -f "$root/pom.xml" -pl benchmarks -am -DskipTests process-classes dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" -Dmdep.includeScope=runtime
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.openjdk.jmh.Main "$@"
