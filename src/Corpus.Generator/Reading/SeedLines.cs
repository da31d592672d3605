using System.Collections.Generic;

namespace Corpus.Generator.Reading;

/// <summary>One line of a seed: <see cref="ContentStart"/> skips a leading BOM on line 0; <see cref="ContentEnd"/> excludes the CR of a CRLF.</summary>
/// <param name="Next">The start of the following line; -1 for the last line (no <c>\n</c> after it).</param>
internal readonly record struct SeedLine(int Index, int Start, int ContentStart, int ContentEnd, int Next)
{
    /// <summary>
    /// Where the content ends without its trailing spaces and tabs: blanks are invisible in an editor, so they do not
    /// turn a good header or fence line into an error.
    /// </summary>
    public int EndWithoutTrailingBlanks(string text)
    {
        var end = ContentEnd;
        while (end > ContentStart && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        {
            end--;
        }

        return end;
    }

    /// <summary>The whole content of the line as a range of the seed.</summary>
    public TextRange ContentRange => new(new TextPoint(Index, ContentStart - Start), new TextPoint(Index, ContentEnd - Start));
}

/// <summary>
/// A seed's lines, split on <c>\n</c> only (see <see cref="SeedReader"/>), found on demand, so a body of hundreds of KB
/// is scanned once and never copied per line.
/// </summary>
internal sealed class LineTable(string text)
{
    private readonly List<int> starts = [0];
    private bool complete;

    public bool TryGet(int index, out SeedLine line)
    {
        while (starts.Count <= index + 1 && !complete)
        {
            var newline = text.IndexOf('\n', starts[starts.Count - 1]);
            if (newline < 0)
            {
                complete = true;
            }
            else
            {
                starts.Add(newline + 1);
            }
        }

        if (index < 0 || index >= starts.Count)
        {
            line = default;
            return false;
        }

        var start = starts[index];
        var contentStart = index == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : start;
        int contentEnd;
        int next;
        if (index + 1 < starts.Count)
        {
            next = starts[index + 1];
            var newlineAt = next - 1;
            contentEnd = newlineAt > contentStart && text[newlineAt - 1] == '\r' ? newlineAt - 1 : newlineAt;
        }
        else
        {
            next = -1;
            contentEnd = text.Length;
        }

        line = new SeedLine(index, start, contentStart, contentEnd, next);
        return true;
    }

    /// <summary>The line holding <paramref name="offset"/>; only for offsets in lines already found.</summary>
    public int LineOf(int offset)
    {
        var found = starts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }

    public TextPoint PointAt(int offset)
    {
        var line = LineOf(offset);
        return new TextPoint(line, offset - starts[line]);
    }
}
