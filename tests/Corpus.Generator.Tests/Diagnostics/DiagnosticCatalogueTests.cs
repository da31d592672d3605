using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Corpus.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// The catalogue: every descriptor has its id constant, its section in docs/diagnostics.md and its row in
/// AnalyzerReleases.*.md, and nothing is documented or released that the generator does not report.
/// </summary>
public sealed class DiagnosticCatalogueTests
{
    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_documentation()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(
            ["CORPUS001", "CORPUS002", "CORPUS003", "CORPUS004", "CORPUS005", "CORPUS006", "CORPUS007", "CORPUS008", "CORPUS009", "CORPUS010", "CORPUS011", "CORPUS012", "CORPUS013", "CORPUS014", "CORPUS015", "CORPUS016", "CORPUS017", "CORPUS018", "CORPUS019", "CORPUS020", "CORPUS099"],
            ids);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Equal("https://github.com/corpus-generator/Corpus.Generator/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)), descriptor.Id);
        }
    }

    [Fact]
    public void The_documentation_has_a_section_per_diagnostic_with_its_anchor_title_and_severity()
    {
        var markdown = File.ReadAllText(Repository.File("docs", "diagnostics.md")).Replace("\r\n", "\n");
        var sections = DocSection.Parse(markdown);

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), sections.Select(s => s.Id));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var section = sections.Single(s => s.Id == descriptor.Id);
            Assert.Equal(descriptor.Id.ToLowerInvariant(), section.Anchor);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), section.Title);
            Assert.Contains("**Default severity:** " + descriptor.DefaultSeverity, section.Body);
            Assert.Contains("dotnet_diagnostic." + descriptor.Id + ".severity", section.Body);
            if (descriptor.Id.StartsWith("CORPUS0", StringComparison.Ordinal) && descriptor.Id is not "CORPUS011" and not "CORPUS012" and not "CORPUS099")
            {
                // Seed diagnostics show a bad and a fixed example.
                Assert.Contains("Bad", section.Body);
                Assert.Contains("Fixed", section.Body);
            }
        }

        // Anchors are unique, so each help link lands on its own section.
        Assert.Equal(sections.Count, sections.Select(s => s.Anchor).Distinct().Count());
    }

    [Fact]
    public void Every_descriptor_has_its_id_constant_of_the_same_name_and_no_constant_is_left_over()
    {
        // The pure readers name diagnostics by these constants; a constant without a descriptor would fail at report time.
        var constants = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);

        Assert.Equal(descriptors.OrderBy(p => p.Key, StringComparer.Ordinal), constants.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), constants.Values.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void The_analyzer_releases_list_every_descriptor_with_its_category_severity_and_title_and_nothing_else()
    {
        // Shipped first, then Unshipped, as the release tracking analyzer reads them.
        var rules = ReleaseRule.Read(
            File.ReadAllText(Repository.File("src", "Corpus.Generator", "AnalyzerReleases.Shipped.md")),
            File.ReadAllText(Repository.File("src", "Corpus.Generator", "AnalyzerReleases.Unshipped.md")));

        Assert.Equal(
            DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal),
            rules.Keys.OrderBy(i => i, StringComparer.Ordinal));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var rule = rules[descriptor.Id];
            Assert.Equal(descriptor.Category, rule.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), rule.Severity);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), rule.Notes);
        }
    }

    /// <summary>A row of the AnalyzerReleases tables: New Rules add it, Changed Rules change it, Removed Rules drop it.</summary>
    private sealed record ReleaseRule(string Category, string Severity, string Notes)
    {
        public static Dictionary<string, ReleaseRule> Read(params string[] releaseFiles)
        {
            var rules = new Dictionary<string, ReleaseRule>(StringComparer.Ordinal);
            foreach (var file in releaseFiles)
            {
                var table = string.Empty;
                foreach (var line in file.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()))
                {
                    if (line.StartsWith("### ", StringComparison.Ordinal))
                    {
                        table = line.Substring(4);
                        continue;
                    }

                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length < 3 || !cells[0].StartsWith("CORPUS", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    switch (table)
                    {
                        case "New Rules":
                            rules.Add(cells[0], new ReleaseRule(cells[1], cells[2], cells[3]));
                            break;
                        case "Changed Rules":
                            // Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
                            rules[cells[0]] = new ReleaseRule(cells[1], cells[2], cells[5]);
                            break;
                        case "Removed Rules":
                            rules.Remove(cells[0]);
                            break;
                        default:
                            Assert.Fail("A rule row outside a known table: " + line);
                            break;
                    }
                }
            }

            return rules;
        }
    }

    private sealed record DocSection(string Id, string Anchor, string Title, string Body)
    {
        private static readonly Regex Heading = new(@"^<a id=""(?<anchor>[^""]+)""></a>\n## (?<id>CORPUS\d{3}): (?<title>[^\n]+)$", RegexOptions.Multiline);

        public static List<DocSection> Parse(string markdown)
        {
            var matches = Heading.Matches(markdown);
            var sections = new List<DocSection>();
            for (var i = 0; i < matches.Count; i++)
            {
                var end = i + 1 < matches.Count ? matches[i + 1].Index : markdown.Length;
                var bodyStart = matches[i].Index + matches[i].Length;
                sections.Add(new DocSection(
                    matches[i].Groups["id"].Value,
                    matches[i].Groups["anchor"].Value,
                    matches[i].Groups["title"].Value.Trim(),
                    markdown[bodyStart..end]));
            }

            return sections;
        }
    }
}
