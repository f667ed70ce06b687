#!/usr/bin/env bash
# `make bench`: the figures quoted in issue notes, measured on the release build.
# Sizes, idle memory, content import speed, and lesson-page throughput at 8 connections.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=target/release/lotse
PORT=${BENCH_PORT:-3200}
WORK=target/bench
rm -rf "$WORK" && mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "Installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }

echo "== sizes"
wasm=$(ls target/site/pkg/*.wasm)
printf 'release binary   %s\n' "$(du -h "$BIN" | cut -f1)"
printf 'wasm raw         %s bytes\n' "$(stat -c %s "$wasm")"
printf 'wasm gzip -9     %s bytes\n' "$(gzip -9 -c "$wasm" | wc -c)"
printf 'js gzip -9       %s bytes\n' "$(gzip -9 -c target/site/pkg/*.js | wc -c)"
printf 'css gzip -9      %s bytes\n' "$(gzip -9 -c target/site/pkg/*.css | wc -c)"

echo "== import of 1,000 generated lessons (10 tracks x 10 modules x 10 lessons)"
gen="$WORK/content-1000"
for t in $(seq -w 1 10); do
  mkdir -p "$gen/track$t"
  printf '+++\ntitle = "Track %s"\nsummary = "Lastprobe"\norder = %d\n+++\nEinführung.\n' "$t" "$((10#$t))" > "$gen/track$t/track.md"
  for m in $(seq -w 1 10); do
    d="$gen/track$t/$m-modul-$m"
    mkdir -p "$d"
    printf '+++\ntitle = "Modul %s"\nsummary = "x"\nminutes = 30\nlegal_status = 2026-01-01\nreview_by = 2099-01-01\n\n[[sources]]\ntitle = "§ 4 AufenthG"\n+++\nText.\n' "$m" > "$d/module.md"
    printf '+++\ntitle = "Test"\n+++\n\n## Frage?\n\n- [(X)] Ja\n- [( )] Nein\n\n*****\nWeil.\n*****\n' > "$d/quiz.md"
    for l in $(seq -w 1 10); do
      printf '+++\ntitle = "Lektion %s"\nminutes = 5\n+++\n\n## Abschnitt\n\nNach § 81 Abs. 4 AufenthG gilt der Titel als fortbestehend. %s\n\n> [!TIP]\n> Praxistipp %s.\n' "$l" "$(printf 'Wort %.0s' $(seq 1 300))" "$l" > "$d/$l-lektion-$l.md"
    done
  done
done
export DATABASE_URL="sqlite://$WORK/import.db"
"$BIN" migrate >/dev/null
/usr/bin/time -f 'first import   %e s' "$BIN" import "$gen" > /dev/null
/usr/bin/time -f 'unchanged      %e s' "$BIN" import "$gen" | tail -1

echo "== server"
export DATABASE_URL="sqlite://$WORK/lotse.db" LOTSE_SITE_ROOT=target/site LOTSE_LOG=warn
export LOTSE_ADMIN_PASSWORD="bench passwort lang genug"
"$BIN" user create-admin --email bench@lotse.example > /dev/null
"$BIN" serve --listen "127.0.0.1:$PORT" > "$WORK/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
sleep 2
printf 'idle RSS         %s KB\n' "$(ps -o rss= -p $pid | tr -d ' ')"

base="http://127.0.0.1:$PORT"
cookie=$(curl -s -o /dev/null -D - -H "Origin: $base" \
  --data-urlencode "email=bench@lotse.example" --data-urlencode "password=$LOTSE_ADMIN_PASSWORD" \
  "$base/login" | sed -n 's/^[Ss]et-[Cc]ookie: \(lotse_session=[^;]*\).*/\1/p')
lesson="/tracks/basiswissen/aufenthaltstitel/titelarten"
status=$(curl -s -o "$WORK/lesson.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$lesson")
[ "$status" = 200 ] || { echo "lesson page answered $status"; exit 1; }
html_gz=$(curl -s -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$base$lesson" | wc -c)
printf 'lesson HTML      %s bytes (%s gzip on the wire)\n' "$(stat -c %s "$WORK/lesson.html")" "$html_gz"
echo "== wrk: lesson page, 2 threads, 8 connections, 20 s"
wrk -t2 -c8 -d20s --latency -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$base$lesson" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
printf 'RSS after load   %s KB\n' "$(ps -o rss= -p $pid | tr -d ' ')"
