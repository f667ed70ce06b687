#!/usr/bin/env bash
# `make bench`: Lotse's performance report on the release build, as one table.
# Pages (lesson, dashboard, quiz) under load on SQLite and, with TEST_POSTGRES_URL, PostgreSQL;
# the same lesson HTML served by nginx as a static file in the same run; keep-alive latency of an
# asset; first-visit bytes per page type; memory; cold start; content import of 1,000 lessons;
# search index build and query latency (1,000 lessons and the shipped curriculum), search page.
# "vorher" is the figure of the previous release (wave 1, issue 9) where one was measured.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=$PWD/target/release/lotse
PORT=${BENCH_PORT:-3200}
NGINX_PORT=$((PORT + 1))
WORK=$PWD/target/bench
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
rm -rf "$WORK" && mkdir -p "$WORK"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
need() { command -v "$1" >/dev/null || { echo "Installing $2 (Debian)"; $SUDO apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx-light

ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s |' "$1" "$2" "${3:-–}")"); }
export LOTSE_LOG=warn LOTSE_SITE_ROOT=$PWD/target/site LOTSE_CONTENT_DIR=$PWD/content
PASSWORD="bench passwort lang genug"
export LOTSE_ADMIN_PASSWORD="$PASSWORD"

# --- import of 1,000 generated lessons -----------------------------------------------------
gen="$WORK/content-1000"
for t in $(seq -w 1 10); do
  mkdir -p "$gen/track$t"
  printf '+++\ntitle = "Track %s"\nsummary = "Lastprobe"\norder = %d\n+++\nEinführung.\n' "$t" "$((10#$t))" > "$gen/track$t/track.md"
  for m in $(seq -w 1 10); do
    d="$gen/track$t/$m-modul-$m"; mkdir -p "$d"
    printf '+++\ntitle = "Modul %s"\nsummary = "x"\nminutes = 30\nlegal_status = 2026-01-01\nreview_by = 2099-01-01\n\n[[sources]]\ntitle = "§ 4 AufenthG"\n+++\nText.\n' "$m" > "$d/module.md"
    printf '+++\ntitle = "Test"\n+++\n\n## Frage?\n\n- [(X)] Ja\n- [( )] Nein\n\n*****\nWeil.\n*****\n' > "$d/quiz.md"
    for l in $(seq -w 1 10); do
      printf '+++\ntitle = "Lektion %s"\nminutes = 5\n+++\n\n## Abschnitt %s.%s.%s\n\nNach § 81 Abs. 4 AufenthG gilt der Titel als fortbestehend. Track %s, Modul %s, Lektion %s. %s\n' \
        "$l" "$t" "$m" "$l" "$t" "$m" "$l" "$(printf 'Wort%s ' $(seq 1 300))" > "$d/$l-lektion-$l.md"
    done
  done
done
secs() { local s; s=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $s" | bc; }
DATABASE_URL="sqlite://$WORK/import.db" "$BIN" migrate > /dev/null
first=$(DATABASE_URL="sqlite://$WORK/import.db" secs "$BIN" import "$gen")
again=$(DATABASE_URL="sqlite://$WORK/import.db" secs "$BIN" import "$gen")
row "Import 1.000 Lektionen (SQLite), erstes Mal" "$(printf '%.2f s' "$first")"
row "Import 1.000 Lektionen, unverändert erneut" "$(printf '%.2f s' "$again")"
# Search index over the same 1,000 lessons: build from the database, then a mix of queries.
search_row() { # database_url label
  local out; out=$(DATABASE_URL="$1" "$BIN" search-bench --builds 5 --queries 2000)
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $out"; }
  row "Suchindex aufbauen, $2 ($(kv lessons) Lektionen): Median / Max von 5 (Ziel ≤ 1 s)" "$(kv build_ms_median) ms / $(kv build_ms_max) ms"
  row "Suchanfrage, $2: p50 / p99 / max von 2.000 (Ziel p99 ≤ 5 ms)" "$(kv p50_ms) / $(kv p99_ms) / $(kv max_ms) ms"
}
search_row "sqlite://$WORK/import.db" "generierter Kurs"

# --- helpers -------------------------------------------------------------------------------
wait_up() { for _ in $(seq 1 200); do curl -fs "$1/healthz" >/dev/null && return 0; sleep 0.05; done; return 1; }
login() { # base email -> cookie
  curl -s -o /dev/null -D - -H "Origin: $1" --data-urlencode "email=$2" --data-urlencode "password=$PASSWORD" \
    "$1/login" | sed -n 's/^[Ss]et-[Cc]ookie: \(lotse_session=[^;]*\).*/\1/p'
}
load() { # url cookie -> "req/s p50 p99"
  wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency ${2:+-H "Cookie: $2"} -H 'Accept-Encoding: gzip' "$1" > "$WORK/wrk.txt"
  grep -q 'Non-2xx' "$WORK/wrk.txt" && { echo "non-2xx answers for $1"; cat "$WORK/wrk.txt"; exit 1; }
  awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {printf "%.0f %s %s", r, p50, p99}' "$WORK/wrk.txt"
}
gz_size() { curl -s -H "Cookie: ${2:-}" -H 'Accept-Encoding: gzip' "$1" | wc -c; }
asset_gz() { local f="$LOTSE_SITE_ROOT$1"; if [ -f "$f.gz" ]; then stat -c %s "$f.gz"; else gzip -9 -c "$f" | wc -c; fi; }

LESSON=/tracks/basiswissen/aufenthaltstitel/titelarten
QUIZ=/tracks/basiswissen/aufenthaltstitel/quiz
run_backend() { # name database_url
  local name=$1 url=$2 base="http://127.0.0.1:$PORT"
  DATABASE_URL="$url" "$BIN" user create-admin --email bench@lotse.example --name Bench > /dev/null
  DATABASE_URL="$url" LOTSE_BASE_URL="$base" "$BIN" serve --listen "127.0.0.1:$PORT" > "$WORK/serve-$name.log" 2>&1 &
  local pid=$!
  wait_up "$base"
  sleep 1
  local idle; idle=$(ps -o rss= -p $pid | tr -d ' ')
  local cookie; cookie=$(login "$base" bench@lotse.example)
  [ "$(curl -s -o "$WORK/lesson.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$LESSON")" = 200 ] || { echo "lesson page failed"; exit 1; }
  local vorher_rps="430–640" vorher_p99="~30 ms"
  for page in "Lektion:$LESSON" "Startseite (Lernstand):/" "Abschlusstest:$QUIZ"; do
    local label=${page%%:*} path=${page#*:}
    read -r rps p50 p99 <<< "$(load "$base$path" "$cookie")"
    if [ "$label" = Lektion ]; then
      row "$label, $name: req/s (c=8, angemeldet, gzip)" "$rps" "$vorher_rps"
      row "$label, $name: p50 / p99" "$p50 / $p99" "– / $vorher_p99"
      [ "$name" = SQLite ] && LESSON_RPS=$rps
    else
      row "$label, $name: req/s · p50 · p99" "$rps · $p50 · $p99"
    fi
  done
  local search="/suche?q=Fiktionsbescheinigung%20%C2%A7%2081"
  read -r rps p50 p99 <<< "$(load "$base$search" "$cookie")"
  row "Suchseite, $name: req/s · p50 · p99" "$rps · $p50 · $p99"
  row "Speicher (RSS), $name: Leerlauf / nach Last" "$((idle / 1024)) MB / $(( $(ps -o rss= -p $pid | tr -d ' ') / 1024 )) MB" "622 MB nach Angriff"
  if [ "$name" = SQLite ]; then
    # First visit: the page (gzip) plus every asset it loads (precompressed .gz sizes).
    css=$(sed -n 's/.*href="\(\/pkg\/[^"]*\.css\)".*/\1/p' "$WORK/lesson.html" | head -1)
    for page in "Lektion:$LESSON" "Startseite:/" "Abschlusstest:$QUIZ" "Verwaltung:/admin/personen"; do
      local label=${page%%:*} path=${page#*:}
      curl -s -H "Cookie: $cookie" "$base$path" > "$WORK/page.html"
      local html; html=$(gz_size "$base$path" "$cookie")
      local css_b; css_b=$(asset_gz "$css")
      local js_b=0 wasm_b=0
      local js; js=$(sed -n 's/.*rel="modulepreload" href="\([^"]*\)".*/\1/p' "$WORK/page.html" | head -1)
      if [ -n "$js" ]; then
        js_b=$(asset_gz "$js")
        wasm_b=$(asset_gz "$(sed -n 's/.*rel="preload" href="\([^"]*\.wasm\)".*/\1/p' "$WORK/page.html" | head -1)")
      fi
      row "Erstbesuch $label (gzip): HTML + CSS + JS + wasm" \
        "$(( (html + css_b + js_b + wasm_b) / 1024 )) KB ($((html / 1024)) + $((css_b / 1024)) + $((js_b / 1024)) + $((wasm_b / 1024)))" \
        "$([ "$label" = Lektion ] && echo "~690 KB")"
    done
    row "Lektion: HTML unkomprimiert" "$(( $(stat -c %s "$WORK/lesson.html") / 1024 )) KB, Text einmal" "35 KB, Text doppelt"
    # The same lesson HTML as a static file, served by nginx with gzip, in the same run.
    mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
    cp "$WORK/lesson.html" "$WORK/nginx/html/lesson.html"
    cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 2; daemon off; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http { access_log off; gzip on; gzip_types text/html; gzip_min_length 256;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/html; types { text/html html; } } }
NGINX
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
    local npid=$!
    sleep 0.5
    read -r nrps np50 np99 <<< "$(load "http://127.0.0.1:$NGINX_PORT/lesson.html" "")"
    kill $npid 2>/dev/null || true; wait $npid 2>/dev/null || true
    row "nginx, dieselbe Lektion statisch (gzip): req/s · p50 · p99" "$nrps · $np50 · $np99" "~5.500"
    row "Verhältnis Lotse / nginx (Lektion)" "$(( 100 * LESSON_RPS / nrps )) %" "~8–12 %"
    # One keep-alive connection, a static asset.
    wrk -t1 -c1 -d5s --latency -H 'Accept-Encoding: gzip' "$base$css" > "$WORK/wrk1.txt"
    row "Statisches CSS, 1 Keep-alive-Verbindung: p50 · req/s" \
      "$(awk '/ 50%/ {p=$2} /Requests\/sec/ {r=$2} END {printf "%s · %.0f", p, r}' "$WORK/wrk1.txt")" "43 ms · 40"
  fi
  kill $pid; wait $pid 2>/dev/null || true
}

run_backend SQLite "sqlite://$WORK/lotse.db"
search_row "sqlite://$WORK/lotse.db" "Lehrplan"
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  db="lotse_bench_$$"
  psql -q "$TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
  pg_url="${TEST_POSTGRES_URL%/*}/$db"
  run_backend PostgreSQL "$pg_url"
  psql -q "$TEST_POSTGRES_URL" -c "DROP DATABASE $db WITH (FORCE)" > /dev/null
fi

# --- /team of an office with 500 people × 23 modules (SQLite) ---------------------------------
# Rows are written with the sqlite3 tool: 500 learners in 20 teams, the three tracks assigned to
# the whole office, about half of the modules completed and a quarter begun.
need sqlite3 sqlite3
team_db="$WORK/team.db" base="http://127.0.0.1:$PORT"
DATABASE_URL="sqlite://$team_db" "$BIN" migrate > /dev/null
DATABASE_URL="sqlite://$team_db" "$BIN" import "$PWD/content" > /dev/null
DATABASE_URL="sqlite://$team_db" "$BIN" user create-admin --email bench@lotse.example --name Bench > /dev/null
sqlite3 "$team_db" <<'SQL'
PRAGMA foreign_keys = ON;
INSERT INTO organisations (slug, name, land, created_at) VALUES ('last', 'Lastprobe', 'HE', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO teams (organisation_id, name, created_at) SELECT (SELECT id FROM organisations WHERE slug = 'last'), 'Team ' || i, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO users (organisation_id, team_id, email, display_name, active, activated_at, created_at, updated_at)
SELECT o.id, (SELECT MIN(id) FROM teams WHERE organisation_id = o.id) + (i % 20), 'p' || i || '@last.example', 'Person ' || i, 1,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-30 days'), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
  FROM n, organisations o WHERE o.slug = 'last';
INSERT INTO user_roles (user_id, role) SELECT id, 'learner' FROM users WHERE email LIKE '%@last.example';
INSERT INTO assignments (track_id, organisation_id, mandatory, due_on, created_at)
SELECT t.id, o.id, 1, date('now', printf('%+d days', t.position * 10 - 15)), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
  FROM tracks t, organisations o WHERE o.slug = 'last' AND t.archived_at IS NULL;
INSERT INTO module_completions (user_id, module_id, completed_at)
SELECT u.id, m.id, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-3 days') FROM users u, modules m
 WHERE u.email LIKE '%@last.example' AND m.archived_at IS NULL AND (u.id + m.id) % 2 = 0;
INSERT INTO progress_events (user_id, lesson_id, kind, revision, occurred_at)
SELECT u.id, l.id, 'viewed', l.current_revision, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-1 days') FROM users u, lessons l
 WHERE u.email LIKE '%@last.example' AND l.archived_at IS NULL AND (u.id + l.id) % 4 = 0;
SQL
modules=$(sqlite3 "$team_db" "SELECT COUNT(*) FROM modules WHERE archived_at IS NULL")
office=$(sqlite3 "$team_db" "SELECT id FROM organisations WHERE slug = 'last'")
DATABASE_URL="sqlite://$team_db" LOTSE_BASE_URL="$base" "$BIN" serve --no-import --listen "127.0.0.1:$PORT" > "$WORK/team.log" 2>&1 &
pid=$!
wait_up "$base"
cookie=$(login "$base" bench@lotse.example)
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/team?office=$office")" = 200 ] || { echo "/team failed"; exit 1; }
wrk -t1 -c1 -d5s --latency -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$base/team?office=$office" > "$WORK/wrk-team.txt"
row "/team, 500 Personen × $modules Module (SQLite, 1 Verbindung): p50 · p99" \
  "$(awk '/ 50%/ {p=$2} / 99%/ {q=$2} END {printf "%s · %s", p, q}' "$WORK/wrk-team.txt")" "Ziel ≤ 300 ms"
kill $pid; wait $pid 2>/dev/null || true

# --- cold start: a database without content → first lesson page served (import included) -----
# The only row in it is the account that signs in (an empty database has nobody to sign in).
cold="sqlite://$WORK/cold.db" base="http://127.0.0.1:$PORT"
DATABASE_URL="$cold" "$BIN" user create-admin --email cold@lotse.example --name Kalt > /dev/null
start=$(date +%s.%N)
DATABASE_URL="$cold" LOTSE_BASE_URL="$base" "$BIN" serve --listen "127.0.0.1:$PORT" > "$WORK/cold.log" 2>&1 &
pid=$!
for _ in $(seq 1 400); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.01; done
cookie=$(curl -s -o /dev/null -D - -H "Origin: $base" --data-urlencode "email=cold@lotse.example" \
  --data-urlencode "password=$PASSWORD" "$base/login" | sed -n 's/^[Ss]et-[Cc]ookie: \(lotse_session=[^;]*\).*/\1/p')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$LESSON")
ready=$(date +%s.%N)
kill $pid; wait $pid 2>/dev/null || true
[ "$code" = 200 ] || { echo "cold start: lesson page answered $code"; exit 1; }
row "Kaltstart: Datenbank ohne Inhalte → erste Lektion ausgeliefert (Import, Anmeldung)" "$(printf '%.2f s' "$(echo "$ready - $start" | bc)")"

printf '\n| Messung (Release, 2 Kerne) | Ergebnis | vorher |\n|---|---|---|\n'
printf '%s\n' "${ROWS[@]}"
