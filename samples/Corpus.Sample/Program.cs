using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Corpus.Sample;

// Everything below comes from the assembly: the seeds were read when this program was compiled.
Console.OutputEncoding = Encoding.UTF8;

if (args.Contains("--json"))
{
    var corpus = Articles.All.Select(a => new
    {
        a.Id,
        a.SeedPath,
        a.Title,
        a.RawTitle,
        a.Column,
        Url = a.Url.OriginalString,
        a.Outlet,
        a.Language,
        a.Author,
        a.Credit,
        a.FeedPublishedAt,
        a.PublishedAt,
        PublishedAtPrecision = a.PublishedAtPrecision?.ToString(),
        a.Lead,
        Sections = a.Sections.Select(s => new { s.Heading, s.Paragraphs }),
        a.Text,
        a.Html,
        Images = a.Images.Select(i => new { Url = i.Url.OriginalString, i.Alt, i.Caption }),
        Media = a.Media.Select(m => new { Kind = m.Kind.ToString(), Url = m.Url.OriginalString }),
        a.Tags,
        a.Categories,
        a.CharacterCount,
        ReadingTime = a.ReadingTime.ToString("c", CultureInfo.InvariantCulture),
    });
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    Console.WriteLine(JsonSerializer.Serialize(corpus, options));
    return;
}

Console.WriteLine($"{Articles.Count} article(s), newest first");
Console.WriteLine();
var table = new TextTable("Published", "Outlet", "Title", "Characters");
foreach (var article in Articles.All)
{
    table.Add(
        article.PublishedAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "undated",
        article.Outlet,
        article.Title,
        article.CharacterCount.ToString("N0", CultureInfo.InvariantCulture));
}

Console.Write(table);

if (Articles.All.Count > 0)
{
    var first = Articles.All[0];
    Console.WriteLine();
    Console.WriteLine(first.Title);
    Console.WriteLine(first.Url);
    Console.WriteLine();
    if (first.Lead is { } lead)
    {
        Console.WriteLine("Lead: " + lead);
        Console.WriteLine();
    }

    Console.WriteLine("Sections:");
    foreach (var section in first.Sections)
    {
        Console.WriteLine($"  - {section.Heading ?? "(opening)"} ({section.Paragraphs.Count} paragraphs)");
    }
}
