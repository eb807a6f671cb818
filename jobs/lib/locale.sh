# Sourced by jobs/run and jobs/benchmark: run the JVM in a UTF-8 locale whatever cron, systemd or
# `env -i` gave us, and find java without JAVA_HOME.
#
# Java 17 derives sun.jnu.encoding (how file names such as 情况说明 are encoded) from the locale at
# start; -Dsun.jnu.encoding=UTF-8 on the command line is ignored (measured: it stays ANSI_X3.4-1968
# under `env -i`, and Path.of("情况说明") throws InvalidPathException). So the only fix is an
# installed UTF-8 locale in LC_ALL: C.UTF-8 (Debian, Ubuntu, RHEL 8+), else the first UTF-8 locale
# `locale -a` lists. A named locale that is not installed (en_US.UTF-8 on a minimal server) falls back
# to ASCII just the same, so it is looked up, not assumed. The application refuses to start (exit 2,
# one line) when it still cannot name its folders.

qyx_utf8_locale() {
  local all candidate
  all="$(locale -a 2>/dev/null || true)"
  for candidate in C.UTF-8 C.utf8; do
    if printf '%s\n' "$all" | grep -qx "$candidate"; then echo "$candidate"; return; fi
  done
  printf '%s\n' "$all" | grep -iE '\.utf-?8$' | head -n 1
}

qyx_current_locale="${LC_ALL:-${LC_CTYPE:-${LANG:-}}}"
case "$qyx_current_locale" in
  *[Uu][Tt][Ff]-8 | *[Uu][Tt][Ff]8)
    # a UTF-8 locale was asked for: keep it only if it is installed
    if ! locale -a 2>/dev/null | grep -qix "$(printf '%s' "$qyx_current_locale" | sed 's/UTF-8$/utf8/I')" \
       && ! locale -a 2>/dev/null | grep -qix "$qyx_current_locale"; then
      qyx_locale_name="$(qyx_utf8_locale)"; export LC_ALL="${qyx_locale_name:-C.UTF-8}"
    fi ;;
  *)
    qyx_locale_name="$(qyx_utf8_locale)"; export LC_ALL="${qyx_locale_name:-C.UTF-8}" ;;
esac

# file contents, console and logs in UTF-8 (file.encoding is settable on Java 17, unlike sun.jnu.encoding)
QYX_JVM_ENCODING="-Dfile.encoding=UTF-8"
# cron and `env -i` may give no JAVA_HOME and a bare PATH (/usr/bin/java is the alternatives link on Debian)
QYX_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
