# Sourced by ./unmask and ./run-tests: defines find_java, which prints the path of a java binary of
# version 21 or newer, preferring JAVA_HOME, then PATH, then the newest JDK under /usr/lib/jvm (or UNMASK_JDK_DIRS).
java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_java() {
  local c v
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  # UNMASK_JDK_DIRS: where installed JDKs live (space-separated); the defaults cover Debian/Ubuntu, Docker
  # images and macOS.
  local root
  for root in ${UNMASK_JDK_DIRS:-/usr/lib/jvm /opt/java /Library/Java/JavaVirtualMachines}; do
    for d in "$root"/*/bin/java "$root"/*/Contents/Home/bin/java; do
      [ -x "$d" ] && candidates+=("$d")
    done
  done
  local best="" bestv=0
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    v="$(java_major "$c")"
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ]; then
      # first acceptable in order: JAVA_HOME, PATH, then the newest under /usr/lib/jvm
      if [ -z "$best" ] || { [ "$c" != "${JAVA_HOME:-}/bin/java" ] && [ "$best" != "${JAVA_HOME:-}/bin/java" ] && [ "$v" -gt "$bestv" ]; }; then
        best="$c"; bestv="$v"
      fi
    fi
  done
  echo "$best"
}


# quiet_maven_opts JAVA: JVM options for Maven itself that silence JDK 23+ warnings about Maven's use of
# sun.misc.Unsafe (harmless, but noise in every build log). Prints nothing for older JDKs.
quiet_maven_opts() {
  local v
  v="$(java_major "$1")"
  if [ -n "$v" ] && [ "$v" -ge 23 ]; then
    echo "--sun-misc-unsafe-memory-access=allow"
  fi
}
