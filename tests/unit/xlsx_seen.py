# What a spreadsheet sees in an .xlsx written by XlsxWriter (tst_xlsx): text as string
# cells (never formulas), numbers and dates as such, a bold frozen header, widths, fills.
import sys, openpyxl, datetime
ws = openpyxl.load_workbook(sys.argv[1]).active
a2, b2, c2 = ws['A2'], ws['B2'], ws['C2']
assert a2.data_type == 's' and a2.value == '=1+1', (a2.data_type, a2.value)
assert isinstance(b2.value, float) and b2.value == -5.5 and b2.number_format == '0.0', b2.value
assert isinstance(c2.value, datetime.datetime) and c2.value.date() == datetime.date(2026, 3, 1)
assert ws['A1'].font.b, 'header not bold'
assert ws.freeze_panes == 'A2', ws.freeze_panes
assert ws.column_dimensions['A'].width >= 6
assert ws['A2'].fill.fgColor.rgb.endswith('FFF2CC'), ws['A2'].fill.fgColor.rgb
assert ws['D3'].fill.fgColor.rgb.endswith('2166AC'), ws['D3'].fill.fgColor.rgb
print('ok')
