using System;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>The body (and optional <c>日期：</c> line) of a seed file, found the simple way: enough for tests.</summary>
internal static class SeedBody
{
    public static (string Body, string? DateLine) Extract(string file)
    {
        var separator = file.IndexOf("\n------\n", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new ArgumentException("no ------ line", nameof(file));
        }

        var rest = file.Substring(separator + "\n------\n".Length);
        string? dateLine = null;
        if (rest.StartsWith("日期：", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('\n');
            dateLine = rest.Substring("日期：".Length, end - "日期：".Length);
            rest = rest.Substring(end + 1);
        }

        if (rest.StartsWith("\n", StringComparison.Ordinal))
        {
            rest = rest.Substring(1);
        }

        return (rest.EndsWith("\n", StringComparison.Ordinal) ? rest.Substring(0, rest.Length - 1) : rest, dateLine);
    }
}
