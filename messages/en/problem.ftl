## A file that is not UTF-8 text (src/problem.rs, utf8_text).

problem-not-utf8 = the file is not UTF-8 text
problem-not-utf8-utf16 = the file is UTF-16 ("Unicode" in Notepad), not UTF-8
problem-not-utf8-byte = byte { $byte } at line { $line } is not UTF-8 (the file was probably saved as Windows-1258 or TCVN3)
problem-not-utf8-help = open the file and save it again as UTF-8 (Notepad: File → Save As → Encoding: UTF-8; VS Code: click the encoding in the status bar → Save with Encoding → UTF-8); text typed with a TCVN3 or VNI font must first be converted to Unicode, e.g. with Unikey's converter (Ctrl+Shift+F6)

# The word miette writes before a problem's help.
problem-help = help:
