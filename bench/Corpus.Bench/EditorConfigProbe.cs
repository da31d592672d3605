using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Corpus.Bench;

/// <summary>
/// What per-seed metadata in the generated .editorconfig costs every compilation: the SDK writes one section per
/// additional file, and the compiler (AnalyzerConfigSet, its own code) looks up every additional file's options against
/// them. N seeds with a section each, against the same N files with no section.
/// </summary>
internal static class EditorConfigProbe
{
    public static string Run(int count)
    {
        var paths = new string[count];
        var withSections = new StringBuilder("is_global = true\nbuild_property.CorpusSeedsPath = /bench/project/seeds/\n");
        for (var i = 0; i < count; i++)
        {
            paths[i] = string.Create(CultureInfo.InvariantCulture, $"/bench/project/seeds/{i:D6}_0123456789abcdef.txt");
            withSections.Append("\n[").Append(paths[i]).Append("]\nbuild_metadata.AdditionalFiles.CorpusSeed = true\n");
        }

        var sections = Time(withSections.ToString(), paths);
        var none = Time("is_global = true\nbuild_property.CorpusSeedsPath = /bench/project/seeds/\n", paths);
        return string.Create(CultureInfo.InvariantCulture, $"{count} files: with a section each {sections:F0} ms, without sections {none:F0} ms\n");
    }

    private static double Time(string text, string[] paths)
    {
        var watch = Stopwatch.StartNew();
        var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/bench/project/obj/Consumer.GeneratedMSBuildEditorConfig.editorconfig") });
        var options = 0;
        foreach (var path in paths)
        {
            options += set.GetOptionsForSourcePath(path).AnalyzerOptions.Count;
        }

        return options >= 0 ? watch.Elapsed.TotalMilliseconds : 0;
    }
}
