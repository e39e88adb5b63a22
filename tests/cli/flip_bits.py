#!/usr/bin/env python3
"""flip_bits.py RESULT OUTDIR: for every dataset of RESULT that stores data,
a copy of RESULT in OUTDIR with one bit flipped in that dataset's stored
bytes (the middle byte of its first chunk, or of its contiguous data).
Prints one line per copy: COPY<TAB>DATASET. Empty datasets have no stored
bytes to flip and are left out (their count goes to stderr)."""
import os
import shutil
import sys

import h5py


def stored_bytes(dataset):
    """(file offset, length) of the dataset's first stored block, or None."""
    dsid = dataset.id
    if dsid.get_create_plist().get_layout() == h5py.h5d.CHUNKED:
        if dsid.get_num_chunks() == 0:
            return None
        info = dsid.get_chunk_info(0)
        return info.byte_offset, info.size
    offset = dsid.get_offset()  # None when no storage is allocated
    return None if offset is None else (offset, dsid.get_storage_size())


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    blocks, empty = [], 0
    with h5py.File(source, "r") as f:
        def visit(name, obj):
            nonlocal empty
            if isinstance(obj, h5py.Dataset):
                where = stored_bytes(obj)
                if where is None or where[1] == 0:
                    empty += 1
                else:
                    blocks.append((name, *where))
        f.visititems(visit)
    for k, (name, offset, length) in enumerate(blocks):
        copy = os.path.join(out_dir, f"flip-{k:03d}.h5")
        shutil.copyfile(source, copy)
        with open(copy, "r+b") as raw:
            raw.seek(offset + length // 2)
            byte = raw.read(1)[0]
            raw.seek(offset + length // 2)
            raw.write(bytes([byte ^ 0x10]))
        print(f"{copy}\t/{name}")
    print(f"{len(blocks)} datasets flipped, {empty} empty ones without stored bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
