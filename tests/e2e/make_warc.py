#!/usr/bin/env python3
"""Writes small WARC / WARC.gz files for the tests and the throughput measurement.

As a library (the e2e scripts import it):
    warc_record(type, uri, block, headers) -> bytes of one WARC/1.1 record
    http_response(body, status=200, headers=...) -> bytes of an HTTP response message
    write_warc(path, records, gzip_members=True, corrupt=(), truncate=0)

As a command: make_warc.py OUT.warc.gz PAGE.html...  -> a warcinfo record, then a request and a
response record per page (URL http://example.test/<page file name>), one gzip member per record.
"""
import gzip
import os
import sys
import uuid


def warc_record(warc_type, uri, block, headers=None):
    lines = [
        "WARC/1.1",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        "WARC-Date: 2022-01-09T14:26:31Z",
    ]
    if uri:
        lines.append(f"WARC-Target-URI: {uri}")
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    lines.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body, status=200, headers=None, chunked=False):
    if chunked:
        out = b""
        for i in range(0, len(body), 1000):
            part = body[i:i + 1000]
            out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
        body = out + b"0\r\n\r\n"
    head = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Other'}"]
    for k, v in (headers or {"Content-Type": "text/html; charset=utf-8"}).items():
        head.append(f"{k}: {v}")
    if chunked:
        head.append("Transfer-Encoding: chunked")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def warcinfo():
    return warc_record("warcinfo", None, b"software: eventmill tests\r\nformat: WARC File Format 1.1\r\n",
                       {"Content-Type": "application/warc-fields"})


def request(uri):
    return warc_record("request", uri, f"GET / HTTP/1.1\r\nHost: {uri.split('/')[2]}\r\n\r\n".encode(),
                       {"Content-Type": "application/http; msgtype=request"})


def response(uri, http):
    return warc_record("response", uri, http, {"Content-Type": "application/http; msgtype=response"})


def write_warc(path, records, gzip_members=True, corrupt=(), truncate=0):
    """records: list of bytes. corrupt: 0-based indexes of records whose gzip member gets damaged
    in the middle of its deflate data. truncate: bytes cut off the end of the file."""
    out = b""
    for i, rec in enumerate(records):
        data = gzip.compress(rec, mtime=0) if gzip_members else rec
        if i in corrupt:
            data = bytearray(data)
            mid = len(data) // 2
            for j in range(mid, min(mid + 16, len(data) - 8)):
                data[j] ^= 0x5A
            data = bytes(data)
        out += data
    if truncate:
        out = out[:-truncate]
    with open(path, "wb") as f:
        f.write(out)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    records = [warcinfo()]
    for page in argv[2:]:
        uri = "http://example.test/" + os.path.basename(page)
        with open(page, "rb") as f:
            body = f.read()
        records += [request(uri), response(uri, http_response(body))]
    write_warc(argv[1], records, gzip_members=argv[1].endswith(".gz"))


if __name__ == "__main__":
    main(sys.argv)
