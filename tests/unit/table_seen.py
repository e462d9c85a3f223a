# What a spreadsheet sees in a file the table formats export (tst_tableformats):
#   table_seen.py FILE.xlsx|FILE.csv EXPECT.json
# XLSX (openpyxl): no cell is a formula; CSV (python's csv module, as a spreadsheet splits it):
# no field starts with = + - @ TAB CR unless it is a number, so nothing would run. EXPECT lists
# cells by name with their type ('s' text, 'n' number, 'd' date; CSV: ignored) and value.
import csv, datetime, json, re, sys

TRIGGERS = ('=', '+', '-', '@', '\t', '\r')

def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False

def position(name):
    letters, digits = re.match(r'([A-Z]+)(\d+)$', name).groups()
    column = 0
    for c in letters:
        column = column * 26 + ord(c) - 64
    return int(digits), column

def check_xlsx(path, expected):
    import openpyxl
    sheet = openpyxl.load_workbook(path).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != 'f', (cell.coordinate, cell.value)
    for name, kind, value in expected:
        cell = sheet[name]
        got = cell.value
        if isinstance(got, datetime.datetime):
            got = got.date().isoformat()
        assert cell.data_type == kind and got == value, (name, cell.data_type, got, kind, value)

def check_csv(path, expected):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    for r, row in enumerate(rows, 1):
        for c, field in enumerate(row, 1):
            assert not field.startswith(TRIGGERS) or is_number(field), (r, c, field)
    for name, _, value in expected:
        r, c = position(name)
        got = rows[r - 1][c - 1]
        assert got == (value if isinstance(value, str) else str(value)), (name, got, value)

expected = json.load(open(sys.argv[2], encoding='utf-8'))
(check_xlsx if sys.argv[1].endswith('.xlsx') else check_csv)(sys.argv[1], expected)
print('ok')
