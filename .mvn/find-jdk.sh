# Sourced by ./mvnw, ./smartgov and .ci/run: points JAVA_HOME at a JDK 25 when the
# current one is older, so that nobody has to export anything by hand.
smartgov_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
case $- in *f*) smartgov_noglob=1; set +f ;; *) smartgov_noglob= ;; esac
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(smartgov_java_major "$JAVA_HOME")" != 25 ]; then
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(smartgov_java_major "$candidate")" = 25 ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(smartgov_java_major "$JAVA_HOME")" != 25 ]; then
  echo "SmartGov needs a JDK 25 (found none under /usr/lib/jvm). Install one (e.g. Temurin 25) or set JAVA_HOME." >&2
  exit 1
fi
if [ -n "$smartgov_noglob" ]; then set -f; fi
unset smartgov_noglob
