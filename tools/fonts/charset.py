#!/usr/bin/python3
"""charset.py [gb2312|full] -- print the character set of a bundled font, sorted, on one line.

full   : GB2312 (7 445) + 通用规范汉字表 (Unihan kTGH, BMP only) + symbols  (about 9 337 chars)
gb2312 : GB2312 + symbols                                                  (about 8 066 chars)
symbols: ASCII and Latin-1, general punctuation, letterlike and number forms, arrows, circled numbers,
         box drawing, CJK symbols and punctuation, half- and full-width forms.
latin  : ASCII, Latin-1, Latin Extended-A, general punctuation, currency, letterlike and number forms.
Needs Debian's unicode-data for /usr/share/unicode/Unihan_OtherMappings.txt.bz2 (kTGH).
"""
import bz2
import sys

SYMBOLS = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF),
           (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
LATIN = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F)]


def gb2312():
    s = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                s.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return s


def tgh():
    s = set()
    with bz2.open("/usr/share/unicode/Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if "\tkTGH\t" in line:
                cp = int(line.split("\t")[0][2:], 16)
                if cp <= 0xFFFF:
                    s.add(chr(cp))
    return s


def ranges(rs):
    return {chr(i) for a, b in rs for i in range(a, b + 1)}


def main(kind):
    if kind == "full":
        s = gb2312() | tgh() | ranges(SYMBOLS)
    elif kind == "gb2312":
        s = gb2312() | ranges(SYMBOLS)
    elif kind == "latin":
        s = ranges(LATIN)
    else:
        sys.exit("charset.py: unknown set %r (want full, gb2312 or latin)" % kind)
    sys.stdout.write("".join(sorted(s)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "full")
