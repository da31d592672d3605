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

        var (sections, matched) = Time(withSections.ToString(), paths);
        var (none, unmatched) = Time("is_global = true\nbuild_property.CorpusSeedsPath = /bench/project/seeds/\n", paths);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{count} files: with a section each {sections:F0} ms ({matched} found their section), without sections {none:F0} ms ({unmatched})\n");
    }

    /// <summary>The compiler's lookup of every path; how many found their section's CorpusSeed, so the work is not skipped.</summary>
    private static (double Milliseconds, int Matched) Time(string text, string[] paths)
    {
        var watch = Stopwatch.StartNew();
        var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/bench/project/obj/Consumer.GeneratedMSBuildEditorConfig.editorconfig") });
        var matched = 0;
        foreach (var path in paths)
        {
            matched += set.GetOptionsForSourcePath(path).AnalyzerOptions.ContainsKey("build_metadata.AdditionalFiles.CorpusSeed") ? 1 : 0;
        }

        return (watch.Elapsed.TotalMilliseconds, matched);
    }
}
