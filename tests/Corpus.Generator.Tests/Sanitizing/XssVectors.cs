using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Corpus.Generator.Tests.Sanitizing;

/// <summary>The hostile bodies of tests/XssVectors/xss-vectors.txt ("name | html" per line, '#' starts a comment).</summary>
internal static class XssVectors
{
    public static IReadOnlyList<(string Name, string Html)> All { get; } = Load();

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in All)
        {
            names.Add(name);
        }

        return names;
    }

    public static string Html(string name) => All.Single(v => v.Name == name).Html;

    private static List<(string, string)> Load()
    {
        var vectors = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(Repository.File("tests", "XssVectors", "xss-vectors.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            vectors.Add((line.Substring(0, bar), line.Substring(bar + 3)));
        }

        return vectors;
    }
}
