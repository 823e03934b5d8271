#!/usr/bin/env bash
# A real single-node Kafka (KRaft, broker+controller) from Maven Central, without Docker.
# See README.md next to this file. Usage:
#   kafka-local.sh fetch
#   kafka-local.sh start  --data-dir D [--port 19092] [--controller-port 19093] [--timeout 60]
#   kafka-local.sh stop   --data-dir D
#   kafka-local.sh status [--data-dir D]
# `start` prints the bootstrap address (127.0.0.1:PORT) on stdout; everything else goes to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIBS="${KAFKA_LOCAL_LIBS:-$HERE/.cache/libs}"
POM="$HERE/pom.xml"
TEMPLATE="$HERE/server.properties"
LOG4J="$HERE/log4j2.properties"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MARKER=".kafka-local"          # written into every data dir this script (or kafka-local.ts) starts
STOP_GRACE_SECONDS=20

say() { echo "[kafka-local] $*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

libs_present() { compgen -G "$LIBS/kafka_2.13-*.jar" > /dev/null; }

kafka_version() {
  local jar
  jar="$(compgen -G "$LIBS/kafka_2.13-*.jar" | head -n1)"
  jar="${jar##*/kafka_2.13-}"
  echo "${jar%.jar}"
}

cmd_fetch() {
  if libs_present; then
    [ "${1:-}" = --quiet ] || say "broker jars already in $LIBS (Kafka $(kafka_version)); delete that directory to fetch again"
    return 0
  fi
  command -v mvn > /dev/null || die "mvn not found: Maven 3.8+ is needed once to fetch the broker jars"
  local tmp="$LIBS.partial.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$LIBS")"
  say "fetching the Kafka broker and its dependencies from Maven Central into $LIBS (once, ~45 MB)"
  if ! mvn -B -q -f "$POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed (is Maven Central reachable?)"
  fi
  # The rename makes the cache appear complete or not at all (two concurrent fetches: first one wins).
  if libs_present; then
    rm -rf "$tmp"
  else
    rm -rf "$LIBS"
    mv "$tmp" "$LIBS" || die "could not move the jars into $LIBS"
  fi
  say "fetched Kafka $(kafka_version)"
}

# Parses --data-dir/--port/--controller-port/--timeout into globals.
DATA_DIR="" PORT="" CONTROLLER_PORT="" TIMEOUT=60
parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --data-dir) DATA_DIR="${2:?--data-dir needs a value}"; shift 2 ;;
      --data-dir=*) DATA_DIR="${1#*=}"; shift ;;
      --port) PORT="${2:?--port needs a value}"; shift 2 ;;
      --port=*) PORT="${1#*=}"; shift ;;
      --controller-port) CONTROLLER_PORT="${2:?--controller-port needs a value}"; shift 2 ;;
      --controller-port=*) CONTROLLER_PORT="${1#*=}"; shift ;;
      --timeout) TIMEOUT="${2:?--timeout needs a value}"; shift 2 ;;
      --timeout=*) TIMEOUT="${1#*=}"; shift ;;
      -h|--help) usage ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  if [ -n "$DATA_DIR" ]; then
    case "$DATA_DIR" in /*) ;; *) DATA_DIR="$PWD/$DATA_DIR" ;; esac
    while [ "${DATA_DIR%/}" != "$DATA_DIR" ] && [ "$DATA_DIR" != / ]; do DATA_DIR="${DATA_DIR%/}"; done
    [ "$DATA_DIR" != / ] || die "--data-dir cannot be /"
  fi
}

is_port() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }
port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# PID of the broker of DATA_DIR if it is running (the pid file's process is a JVM running our config).
running_pid() {
  local dir="$1" pid
  [ -f "$dir/broker.pid" ] || return 1
  pid="$(cat "$dir/broker.pid" 2> /dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2> /dev/null || return 1
  # Guards against a recycled PID: the process must be the JVM started with this data dir's config.
  ps -p "$pid" -o args= 2> /dev/null | grep -qF -- "kafka.Kafka $dir/server.properties" || return 1
  echo "$pid"
}

random_cluster_id() {
  # A Kafka Uuid: 16 random bytes, base64url without padding (what `kafka-storage random-uuid` prints).
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [ "${id:0:1}" != "-" ] && break
  done
  echo "$id"
}

cmd_start() {
  parse_args "$@"
  PORT="${PORT:-19092}"
  CONTROLLER_PORT="${CONTROLLER_PORT:-19093}"
  DATA_DIR="${DATA_DIR:-${TMPDIR:-/tmp}/kafka-local-$PORT}"
  is_port "$PORT" || die "--port must be a TCP port, got '$PORT'"
  is_port "$CONTROLLER_PORT" || die "--controller-port must be a TCP port, got '$CONTROLLER_PORT'"
  [ "$PORT" != "$CONTROLLER_PORT" ] || die "--port and --controller-port must differ"
  [[ "$TIMEOUT" =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"

  if pid="$(running_pid "$DATA_DIR")"; then
    say "already running (pid $pid) with data dir $DATA_DIR"
    grep -o 'PLAINTEXT://[^,]*' "$DATA_DIR/server.properties" | head -n1 | sed 's#PLAINTEXT://##'
    return 0
  fi
  for p in "$PORT" "$CONTROLLER_PORT"; do
    ! port_in_use "$p" || die "port $p on 127.0.0.1 is already in use (pick others with --port/--controller-port)"
  done
  if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ] && [ ! -f "$DATA_DIR/$MARKER" ]; then
    die "$DATA_DIR exists, is not empty and was not created by kafka-local: refusing to use it"
  fi

  cmd_fetch --quiet
  command -v "$JAVA" > /dev/null || die "java not found (Java 17+ is needed; set JAVA_HOME or PATH)"

  # A fresh broker every start: a stale data dir of ours is wiped.
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR/logs"
  : > "$DATA_DIR/$MARKER"
  grep -q '__DATA_DIR__' "$TEMPLATE" || die "$TEMPLATE has no __DATA_DIR__ placeholder"
  sed -e "s#:19092#:$PORT#g" -e "s#:19093#:$CONTROLLER_PORT#g" -e "s#__DATA_DIR__#$DATA_DIR/logs#g" \
    "$TEMPLATE" > "$DATA_DIR/server.properties"

  local cluster_id
  cluster_id="$(random_cluster_id)"
  if ! "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LIBS/*" \
      -Dlog4j2.configurationFile="$LOG4J" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA_DIR/server.properties" \
      > "$DATA_DIR/format.log" 2>&1; then
    cat "$DATA_DIR/format.log" >&2
    die "kafka-storage format failed"
  fi

  # The AppCDS class archive kafka-local.ts writes (.cache/kafka-<version>.jsa) halves the start
  # CPU when present; a stale one is ignored by the JVM with a warning.
  local cds=()
  local archive
  archive="$(dirname "$LIBS")/kafka-$(kafka_version).jsa"
  if [ -f "$archive" ]; then cds=("-XX:SharedArchiveFile=$archive"); fi

  # nohup (+ setsid where it exists): the broker outlives this script and the terminal; $! is the JVM.
  local detach=()
  if command -v setsid > /dev/null; then detach=(setsid); fi
  # shellcheck disable=SC2086
  ${detach[@]+"${detach[@]}"} nohup "$JAVA" -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    ${cds[@]+"${cds[@]}"} ${KAFKA_LOCAL_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$LOG4J" -cp "$LIBS/*" \
    kafka.Kafka "$DATA_DIR/server.properties" \
    < /dev/null > "$DATA_DIR/broker.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$DATA_DIR/broker.pid"
  say "starting Kafka $(kafka_version) (pid $pid, cluster $cluster_id, data dir $DATA_DIR)"

  local waited=0
  while :; do
    if ! kill -0 "$pid" 2> /dev/null; then
      tail -n 30 "$DATA_DIR/broker.log" >&2 || true
      die "the broker exited during start (log above, full log in $DATA_DIR/broker.log)"
    fi
    # 'Kafka Server started' (INFO of KafkaRaftServer, kept by log4j2.properties) + the port answering.
    if grep -q 'Kafka Server started' "$DATA_DIR/broker.log" 2> /dev/null && port_in_use "$PORT"; then
      break
    fi
    if [ "$waited" -ge $((TIMEOUT * 10)) ]; then
      tail -n 30 "$DATA_DIR/broker.log" >&2 || true
      kill -KILL "$pid" 2> /dev/null || true
      die "the broker was not ready within ${TIMEOUT}s (killed; data dir kept: $DATA_DIR)"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  say "ready after $((waited / 10)).$((waited % 10))s; stop with: $0 stop --data-dir $DATA_DIR"
  echo "127.0.0.1:$PORT"
}

cmd_stop() {
  parse_args "$@"
  [ -n "$DATA_DIR" ] || die "stop needs --data-dir"
  [ -d "$DATA_DIR" ] || { say "$DATA_DIR does not exist: nothing to stop"; return 0; }
  [ -f "$DATA_DIR/$MARKER" ] || die "$DATA_DIR was not created by kafka-local: refusing to stop or delete it"
  local pid
  if pid="$(running_pid "$DATA_DIR")"; then
    say "stopping pid $pid (SIGTERM, up to ${STOP_GRACE_SECONDS}s)"
    kill -TERM "$pid" 2> /dev/null || true
    local waited=0
    while kill -0 "$pid" 2> /dev/null && [ "$waited" -lt $((STOP_GRACE_SECONDS * 10)) ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2> /dev/null; then
      say "still running after ${STOP_GRACE_SECONDS}s: SIGKILL"
      kill -KILL "$pid" 2> /dev/null || true
      while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
    fi
  else
    say "no running broker for $DATA_DIR"
  fi
  rm -rf "$DATA_DIR"
  say "stopped; removed $DATA_DIR"
}

describe_dir() {
  local dir="$1" pid bootstrap
  bootstrap="$(grep -o 'PLAINTEXT://[^,]*' "$dir/server.properties" 2> /dev/null | head -n1 | sed 's#PLAINTEXT://##' || true)"
  if pid="$(running_pid "$dir")"; then
    echo "running  pid=$pid  bootstrap=${bootstrap:-?}  data-dir=$dir"
    return 0
  fi
  echo "stopped  data-dir=$dir"
  return 3
}

cmd_status() {
  parse_args "$@"
  if libs_present; then say "jars: Kafka $(kafka_version) in $LIBS"; else say "jars: not fetched yet ($0 fetch)"; fi
  if [ -n "$DATA_DIR" ]; then
    describe_dir "$DATA_DIR"
    return $?
  fi
  # Every running broker started from a kafka-local data dir (marker file next to its config).
  local found=0 pid props dir
  for pid in $(pgrep -f 'kafka\.Kafka ' 2> /dev/null || true); do
    props="$(ps -p "$pid" -o args= 2> /dev/null | sed 's/.*kafka\.Kafka //')" || continue
    [ -n "$props" ] || continue
    dir="$(dirname "$props")"
    [ -f "$dir/$MARKER" ] || continue
    describe_dir "$dir" || true
    found=1
  done
  [ "$found" = 1 ] || echo "no kafka-local broker running"
}

case "${1:-}" in
  fetch) shift; cmd_fetch ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) usage ;;
esac
