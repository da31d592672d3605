using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Corpus.Sample;

/// <summary>A plain-text table that lines up in a terminal, counting East Asian wide characters as two columns.</summary>
internal sealed class TextTable(params string[] headers)
{
    private const int MaxColumnWidth = 60;
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var rows = _rows.Select(r => r.Select(Fit).ToArray()).ToList();
        var widths = headers.Select((h, i) => rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        var builder = new StringBuilder();
        AppendRow(builder, headers, widths);
        AppendRow(builder, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(builder, row, widths);
        }

        return builder.ToString();
    }

    private static void AppendRow(StringBuilder builder, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            builder.Append(cells[i]);
            if (i < cells.Length - 1)
            {
                builder.Append(' ', widths[i] - Width(cells[i]) + 2);
            }
        }

        builder.Append('\n');
    }

    private static string Fit(string cell)
    {
        if (Width(cell) <= MaxColumnWidth)
        {
            return cell;
        }

        var builder = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(cell);
        while (enumerator.MoveNext() && Width(builder.ToString()) + Width(enumerator.GetTextElement()) < MaxColumnWidth)
        {
            builder.Append(enumerator.GetTextElement());
        }

        return builder.Append('…').ToString();
    }

    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;
}
