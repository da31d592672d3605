using System;
using System.Globalization;
using Corpus;

namespace Corpus.Sharded.App;

/// <summary>One Articles over the app's own seed and two shard projects: every article newest first, and the lookups.</summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Articles.Count} articles from this project and its shards, newest first:"));
        foreach (Article article in Articles.All)
        {
            var date = article.PublishedAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "undated";
            Console.WriteLine($"  {date}  {article.Id,-26} {article.Title}");
        }

        // The per-seed members live on each shard's own class; the lookups span everything.
        var tram = News2023.Articles.Seed_2023TramLine;
        Console.WriteLine($"News2023.Articles.Seed_2023TramLine: {tram.Title} ({tram.Url})");
        Console.WriteLine($"FindById(\"2022-library-night\"): {Articles.FindById("2022-library-night")?.Title ?? "(none)"}");
        Console.WriteLine($"FindByUrl(harbour): {Articles.FindByUrl("https://NEWS.example.org/2022/03/harbour-reopens/")?.Id ?? "(none)"}");
        Console.WriteLine($"Same Article type everywhere: {ReferenceEquals(Articles.FindById(tram.Id), tram)}");
        return Articles.Count == Articles.All.Count ? 0 : 1;
    }
}
