#!/usr/bin/env bash
# Clean 10,000-seed builds of bench/consumers/generated, interleaved: the generator before issue 22 (16bfd79, "base") and
# after this change ("after"); /usr/bin/time -v gives the largest process's resident set. Rows go to builds.tsv.
cd /tmp/corpus-storage-T
for i in 1 2 3; do
  ./buildc.sh build-base-$i /tmp/corpus-storage-T/base-src/src/Corpus.Generator/bin/Release/netstandard2.0/
  ./buildc.sh build-after-$i /tmp/corpus-storage-T/gen-after3/
  rm -rf build-base-$i/obj build-after-$i/obj
done
echo done
