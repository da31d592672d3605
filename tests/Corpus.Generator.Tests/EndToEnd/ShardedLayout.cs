using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>What the shared sharded build left: the projects, the build and what each program printed.</summary>
public sealed record ShardedBuild(Consumer App, Consumer Standalone, CommandResult Build, CommandResult AppRun, CommandResult StandaloneRun);

/// <summary>
/// A corpus split over two shard projects made of the packed packages only (ShardA: netstandard2.0 and C# 9, with the
/// repository's project seed; ShardB: net10.0) and an app with two seeds of its own; beside them, a single project
/// (no Corpus.Runtime) of the same seven seeds, whose program prints the same dump.
/// </summary>
public static class ShardedLayout
{
    public const string Folder = "sharded";

    /// <summary>Ids in the order of <c>All</c>, worked out by hand from the seeds' dates: newest first, undated last, ties by Id.</summary>
    public static readonly string[] ExpectedOrder =
    [
        "app-2023",             // 2023-05-01 16:00 UTC
        "000_153ef59660deb970", // 2022-01-12 11:44 UTC (12:44 +01:00)
        "b-2022-same-instant",  // 2022-01-12 11:44 UTC as well: "000_…" < "b-…"
        "a-2021-spring",        // 2021-04-02
        "a-undated",
        "app-undated",
        "b-undated",
    ];

    public static readonly IReadOnlyList<(string Name, string Text)> ShardASeeds =
    [
        (PackedFeed.ProjectSeedName, File.ReadAllText(Repository.File("seeds", PackedFeed.ProjectSeedName))),
        ("a-2021-spring.txt", """
            ---
            title: "Spring comes early to the valley"
            date: 2021-04-02T08:15:00+02:00
            author: Shard A
            tags: [ spring, valley ]
            categories: [ weather ]
            ---
            [Spring comes early to the valley](https://example.org/a/2021/spring)
            ------

            <div><p>The first blossoms opened in March this year.</p><figure><img src="https://example.org/img/blossom.jpg" alt="Blossoms"><figcaption>Cherry blossoms by the river.</figcaption></figure><h2>Farmers</h2><p>Farmers began planting two weeks early.</p><iframe src="https://www.youtube.com/embed/abc123"></iframe></div>

            """),
        ("a-undated.txt", """
            [An undated note from shard A](https://example.org/a/undated)
            ------

            <div><p>This note carries no date at all.</p></div>

            """),
    ];

    public static readonly IReadOnlyList<(string Name, string Text)> ShardBSeeds =
    [
        ("b-2022-same-instant.txt", """
            ---
            title: "Published at the same instant as the RFI article"
            date: 2022-01-12T11:44:00+00:00
            ---
            [Published at the same instant as the RFI article](https://example.org/b/2022/same-instant)
            ------

            <div><p>Same UTC instant, another shard: the Id decides the order.</p></div>

            """),
        ("b-undated.txt", """
            [An undated note from shard B](https://example.org/b/undated)
            ------

            <div><p>Shard B's note has no date either.</p></div>

            """),
    ];

    public static readonly IReadOnlyList<(string Name, string Text)> AppSeeds =
    [
        ("app-2023.txt", """
            ---
            title: "The app's own article is the newest"
            date: 2023-05-01T12:00:00-04:00
            ---
            [The app's own article is the newest](https://example.org/app/2023/newest)
            ------

            <div><p>The app compiles one seed of its own.</p></div>

            """),
        ("app-undated.txt", """
            [An undated note from the app](https://example.org/app/undated)
            ------

            <div><p>Between shard A's and shard B's undated notes by Id.</p></div>

            """),
    ];

    /// <summary>
    /// Lines only an app with both shards prints (named <c>ShardMember.…</c>, left out when dumps are compared): each
    /// shard's own documented member, and that it is the very article the app's lookups return.
    /// </summary>
    public const string ShardMemberLines = """
        Console.WriteLine("ShardMember.ShardA=" + ReferenceEquals(ShardA.Articles.Seed_000_153ef59660deb970, Consumer.Articles.FindById("000_153ef59660deb970")));
        Console.WriteLine("ShardMember.ShardB=" + ReferenceEquals(ShardB.Articles.B2022SameInstant, Consumer.Articles.FindById("b-2022-same-instant")));
        Console.WriteLine("ShardMember.App=" + ReferenceEquals(Consumer.Articles.App2023, Consumer.Articles.FindById("app-2023")));
        Console.WriteLine("ShardMember.ShardACount=" + ShardA.Articles.Count.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("ShardMember.MemberType=" + typeof(ShardA.Articles).GetProperty("A2021Spring")!.PropertyType.AssemblyQualifiedName);
        Console.WriteLine("ShardMember.AllType=" + Consumer.Articles.All[0].GetType().AssemblyQualifiedName);
        Console.WriteLine("ShardMember.RuntimeImage=" + System.IO.Path.GetRelativePath(AppContext.BaseDirectory, typeof(Corpus.Article).Assembly.Location).Replace('\\', '/'));
        """;

    /// <summary>
    /// The program of the app and of the single project: every public property of every article, recursively (lists
    /// item by item, Article's own types member by member), in the order of <c>All</c>, and the lookups of each.
    /// </summary>
    private const string DumpProgram = """
        using System;
        using System.Collections;
        using System.Globalization;
        using System.Linq;
        using System.Reflection;

        var all = Consumer.Articles.All;
        Console.WriteLine("Count=" + Consumer.Articles.Count.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("AllCount=" + all.Count.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("Order=" + string.Join(",", all.Select(a => a.Id)));
        Console.WriteLine("Members=" + string.Join(",", Properties(all[0]).Select(p => p.Name)));
        for (var i = 0; i < all.Count; i++)
        {
            var article = all[i];
            var path = "All[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            Dump(path, article);
            Console.WriteLine(path + ".FindById=" + ReferenceEquals(Consumer.Articles.FindById(article.Id), article));
            Console.WriteLine(path + ".FindByUrl=" + ReferenceEquals(Consumer.Articles.FindByUrl(article.Url), article));
            Console.WriteLine(path + ".FindByUrlWithFragment=" + ReferenceEquals(Consumer.Articles.FindByUrl(article.Url.OriginalString + "#e2e"), article));
        }

        Console.WriteLine("FindById(absent)=" + (Consumer.Articles.FindById("absent") is null));
        Console.WriteLine("FindByUrl(absent)=" + (Consumer.Articles.FindByUrl("https://example.org/absent") is null));
        // EXTRA

        static void Dump(string path, object? value)
        {
            switch (value)
            {
                case null:
                    Console.WriteLine(path + "=<null>");
                    break;
                case string text:
                    Console.WriteLine(path + "=" + text.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n"));
                    break;
                case Uri uri:
                    Console.WriteLine(path + "=" + uri.OriginalString);
                    break;
                case DateTimeOffset date:
                    Console.WriteLine(path + "=" + date.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable list:
                    var items = list.Cast<object?>().ToList();
                    Console.WriteLine(path + ".Count=" + items.Count.ToString(CultureInfo.InvariantCulture));
                    for (var i = 0; i < items.Count; i++)
                    {
                        Dump(path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", items[i]);
                    }

                    break;
                case Enum or TimeSpan or int or long or bool or double:
                    Console.WriteLine(path + "=" + Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    foreach (var property in Properties(value))
                    {
                        Dump(path + "." + property.Name, property.GetValue(value));
                    }

                    break;
            }
        }

        static PropertyInfo[] Properties(object value) =>
            value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ToArray();

        """;

    /// <summary>
    /// App, ShardA, ShardB and the single project, built once per run by one <c>dotnet build</c> of a solution of the
    /// app and the single project (the app builds the shards), and both programs run.
    /// </summary>
    public static Task<ShardedBuild> BuildAsync(PackedFeed feed, ITestOutputHelper output) => feed.Shared("sharded", async () =>
    {
        Shard(feed, "ShardA", "netstandard2.0", ShardASeeds, "<LangVersion>9</LangVersion>");
        Shard(feed, "ShardB", "net10.0", ShardBSeeds);
        var app = App(feed, "App", ProjectReferences("ShardA", "ShardB"), AppSeeds, ShardMemberLines);
        var standalone = App(feed, "Standalone", string.Empty, [.. ShardASeeds, .. ShardBSeeds, .. AppSeeds], string.Empty);

        var build = await Solution(feed, "sharded", "App", "Standalone").BuildAsync("sharded.slnx").LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        var appRun = await app.RunAsync().LoggedTo(output);
        var standaloneRun = await standalone.RunAsync().LoggedTo(output);
        Assert.True(appRun.Succeeded, appRun.ToString());
        Assert.True(standaloneRun.Succeeded, standaloneRun.ToString());
        return new ShardedBuild(app, standalone, build, appRun, standaloneRun);
    });

    /// <summary>
    /// A shard as the README tells users to make one: the generator (private) and Corpus.Runtime, <c>CorpusShard</c>,
    /// its seeds in seeds/. Warnings are errors: the generated code of a shard must compile cleanly, docs included.
    /// </summary>
    public static Consumer Shard(PackedFeed feed, string name, string targetFramework, IEnumerable<(string Name, string Text)> seeds, string properties = "", bool withRuntime = true) =>
        WithSeeds(feed.CreateProject(Path.Combine(Folder, name), name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <RootNamespace>{name}</RootNamespace>
                <CorpusShard>true</CorpusShard>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Corpus.Generator" Version="{feed.Version}" PrivateAssets="all" />
                {(withRuntime ? $"<PackageReference Include=\"Corpus.Runtime\" Version=\"{feed.Version}\" />" : string.Empty)}
              </ItemGroup>
            </Project>
            """), seeds);

    /// <summary>
    /// A console app (assembly and namespace <c>Consumer</c>) with the generator, what <paramref name="references"/>
    /// adds (shards), its seeds, the dump program with <paramref name="extraLines"/> and <paramref name="properties"/>.
    /// </summary>
    public static Consumer App(PackedFeed feed, string name, string references, IEnumerable<(string Name, string Text)> seeds, string extraLines, string properties = "") =>
        WithSeeds(feed.CreateProject(Path.Combine(Folder, name), name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RootNamespace>Consumer</RootNamespace>
                <AssemblyName>Consumer</AssemblyName>
                <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Corpus.Generator" Version="{feed.Version}" PrivateAssets="all" />
                {references}
              </ItemGroup>
            </Project>
            """), seeds).WithFile("Program.cs", DumpProgram.Replace("// EXTRA", extraLines, StringComparison.Ordinal));

    public static string ProjectReferences(params string[] names) =>
        string.Join("\n", names.Select(n => $"<ProjectReference Include=\"../{n}/{n}.csproj\" />"));

    /// <summary>A solution <c>{name}.slnx</c> in the layout's folder, of the given projects: one <c>dotnet build</c> builds them all.</summary>
    public static Consumer Solution(PackedFeed feed, string name, params string[] projects) =>
        feed.CreateProject(Folder, name + ".slnx", "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}/{p}.csproj\" />\n")) + "</Solution>\n");

    /// <summary>A program's output without the lines only a sharded app prints.</summary>
    public static string[] Dump(CommandResult run) =>
        run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith("ShardMember.", StringComparison.Ordinal)).ToArray();

    private static Consumer WithSeeds(Consumer project, IEnumerable<(string Name, string Text)> seeds)
    {
        foreach (var (name, text) in seeds)
        {
            project.WithFile(Path.Combine("seeds", name), text);
        }

        return project;
    }
}
