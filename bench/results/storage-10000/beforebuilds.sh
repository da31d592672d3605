#!/usr/bin/env bash
# Clean 10,000-seed builds interleaved: the generator of main before the slot table ("before") and after it ("after").
cd /tmp/corpus-storage-T
for i in 1 2; do
  ./buildc.sh build-before-$i /tmp/corpus-storage-T/gen-before/
  ./buildc.sh build-after-b$i /tmp/corpus-storage-T/gen-after3/
  rm -rf build-before-$i/obj build-after-b$i/obj
done
echo done
