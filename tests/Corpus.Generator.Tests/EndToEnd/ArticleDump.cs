using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// A program that prints every value of every article (one <c>V:</c> line each, line breaks escaped) and a SHA-256 of
/// them all, and the seeds it is compared on: the repository's seed and crafted ones for the members that seed leaves
/// empty (images, media, tags), text beyond the BMP and a U+FFFD the file holds. Two builds read the same corpus when
/// their programs print the same lines.
/// </summary>
internal static class ArticleDump
{
    /// <summary>
    /// The program, reading the <c>Articles</c> class of <paramref name="corpusNamespace"/>; <paramref name="more"/> is code
    /// that adds lines of its own (<c>Add(name, value)</c>) after the articles' values, before they are printed.
    /// </summary>
    public static string Program(string corpusNamespace, string more = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using Generated = {{corpusNamespace}};

        var lines = new List<string>();
        void Add(string name, object? value) =>
            lines.Add(name + "=" + Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n"));

        Add("Count", Generated.Articles.Count);
        foreach (var a in Generated.Articles.All)
        {
            Add("Id", a.Id);
            Add("SeedPath", a.SeedPath);
            Add("Title", a.Title);
            Add("RawTitle", a.RawTitle);
            Add("Column", a.Column);
            Add("Url", a.Url.OriginalString);
            Add("Outlet", a.Outlet);
            Add("Language", a.Language);
            Add("Author", a.Author);
            Add("Credit", a.Credit);
            Add("FeedPublishedAt", a.FeedPublishedAt?.ToString("O", CultureInfo.InvariantCulture));
            Add("PublishedAt", a.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
            Add("PublishedAtPrecision", a.PublishedAtPrecision);
            Add("Lead", a.Lead);
            foreach (var s in a.Sections)
            {
                Add("Section", (s.Heading ?? "-") + " | " + string.Join(" | ", s.Paragraphs));
            }

            Add("Paragraphs", string.Join(" | ", a.Paragraphs));
            Add("Text", a.Text);
            Add("Html", a.Html);
            foreach (var i in a.Images)
            {
                Add("Image", i.Url.OriginalString + " | " + i.Alt + " | " + i.Caption);
            }

            foreach (var m in a.Media)
            {
                Add("Media", m.Kind + " " + m.Url.OriginalString);
            }

            Add("Tags", string.Join(",", a.Tags));
            Add("Categories", string.Join(",", a.Categories));
            Add("CharacterCount", a.CharacterCount);
            Add("ReadingTime", a.ReadingTime.ToString("c", CultureInfo.InvariantCulture));
            Add("FindById", ReferenceEquals(Generated.Articles.FindById(a.Id), a));
            Add("FindByUrl", ReferenceEquals(Generated.Articles.FindByUrl(a.Url), a));
        }

        {{more}}

        foreach (var line in lines)
        {
            Console.WriteLine("V:" + line);
        }

        using var sha = SHA256.Create();
        Console.WriteLine("Hash=" + BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", lines)))).Replace("-", ""));
        """;

    /// <summary>The seeds, by path under the project.</summary>
    public static IReadOnlyDictionary<string, string> Seeds() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["seeds/" + PackedFeed.ProjectSeedName] = File.ReadAllText(Repository.File("seeds", PackedFeed.ProjectSeedName)),
        ["seeds/media.txt"] = "<!--1600000000000-->\n[Pictures and players](https://example.com/media)\n------\n\n"
            + "<p>Before the figure.</p><figure><img src=\"//example.com/a.jpg\" alt=\"A\"><figcaption>A caption</figcaption></figure>"
            + "<p>After it.</p><iframe src=\"https://www.youtube.com/embed/x?feature=oembed\"></iframe><video src=\"https://example.com/v.mp4\"></video>\n",
        ["seeds/jekyll-post.txt"] = "---\nlayout: post\ntitle: \"Front matter title\"\ndate: 2020-07-30 19:36:25 +0800\nfrom: https://example.com/posts/1\n"
            + "tags: [a, b]\ncategories: [news]\n---\n<article><h2>Heading</h2><p>Body text of the post.</p></article>\n",
        ["seeds/beyond-bmp.txt"] = "<!--NaN-->\n[Emoji 😀 and 𠀀](https://example.com/emoji)\n------\n\n"
            + "<p>Emoji 😀, 𠀀, a held U+FFFD \uFFFD, quotes \" and \\ and a line\u2028separator.</p><p>第二段。</p>\n",
    };

    /// <summary>The <c>V:</c> lines a run printed.</summary>
    public static IReadOnlyList<string> Values(CommandResult run) =>
        run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("V:", StringComparison.Ordinal)).ToList();

    public static string Hash(CommandResult run) =>
        run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("Hash=", StringComparison.Ordinal))["Hash=".Length..];
}
