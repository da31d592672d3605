using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>A shard's reference assembly: what it holds, what an app's build does with it, what a packed shard carries.</summary>
public sealed partial class ShardPackageTests
{
    [Fact]
    public async Task A_shard_makes_a_reference_assembly_with_its_API_and_claims_but_not_its_data_unless_it_says_otherwise()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var folder = Path.GetDirectoryName(sharded.App.Directory.TrimEnd(Path.DirectorySeparatorChar))!;

        // ShardA targets netstandard2.0, for which the SDK makes no reference assembly by default; ShardB net10.0.
        foreach (var (shard, framework, id) in new[] { ("ShardA", "netstandard2.0", "a-2021-spring"), ("ShardB", "net10.0", "b-undated") })
        {
            var obj = Path.Combine(folder, shard, "obj", "Debug", framework);
            var implementation = Read(Path.Combine(obj, shard + ".dll"));
            var reference = Read(Path.Combine(obj, "ref", shard + ".dll"));

            // The chunks' data are internal constants (H0, T0, Html, …): the reference assembly keeps the public ones only.
            Assert.Contains("Html", implementation.Constants);
            Assert.Equal(["Claims", "ConstantsKibibytes", "Count", "Order"], reference.Constants.Order(StringComparer.Ordinal));
            Assert.Contains("Articles", reference.Types);
            Assert.Contains("ArticlesData", reference.Types);
            Assert.Contains("CorpusShardAttribute", reference.Attributes);
            Assert.Equal(implementation.Claims, reference.Claims);
            Assert.Contains(id, reference.Claims, StringComparison.Ordinal);
        }

        var shardA = Path.Combine(folder, "ShardA");
        var evaluation = await Evaluate(shardA, "ShardA.csproj");
        Assert.Equal("true", Property(evaluation, "ProduceReferenceAssembly"));
        Assert.Equal(Path.Combine(shardA, "obj", "Debug", "netstandard2.0", "ref", "ShardA.dll"), Property(evaluation, "TargetRefPath"));
        Assert.Equal("false", Property(await Evaluate(shardA, "ShardA.csproj", "-p:CorpusShardReferenceAssembly=false"), "ProduceReferenceAssembly"));
    }

    [Fact]
    public async Task A_shard_seeds_text_edited_leaves_the_apps_compile_up_to_date_and_the_app_runs_the_new_text_while_a_new_URL_compiles_the_app()
    {
        var shard = ShardedLayout.Shard(feed, "TextEditShard", "netstandard2.0", [("story.txt", Seed("https://example.org/text-edit/story", "First text."))], "<LangVersion>9</LangVersion>");
        var app = ShardedLayout.App(feed, "TextEditApp", ShardedLayout.ProjectReferences("TextEditShard"), [], string.Empty);
        var seed = Path.Combine(shard.Directory, "seeds", "story.txt");
        var appAssembly = Path.Combine(app.Directory, "obj", "Debug", "net10.0", "Consumer.dll");
        var shardAssembly = Path.Combine(shard.Directory, "obj", "Debug", "netstandard2.0", "TextEditShard.dll");

        var first = await BuildAndRun();
        Assert.Equal("First text.", first["All[0].Text"]);
        var appCompiled = File.GetLastWriteTimeUtc(appAssembly);
        var shardCompiled = File.GetLastWriteTimeUtc(shardAssembly);

        // The body only: the shard compiles again, its reference assembly stays the same, and the app only copies it.
        File.WriteAllText(seed, Seed("https://example.org/text-edit/story", "Second text."));
        var second = await BuildAndRun();
        Assert.Equal("Second text.", second["All[0].Text"]);
        Assert.NotEqual(shardCompiled, File.GetLastWriteTimeUtc(shardAssembly));
        Assert.Equal(appCompiled, File.GetLastWriteTimeUtc(appAssembly));

        // A new URL is a new claim, which the app's corpus-wide checks read: the app compiles again.
        File.WriteAllText(seed, Seed("https://example.org/text-edit/moved", "Second text."));
        var third = await BuildAndRun();
        Assert.Equal("https://example.org/text-edit/moved", third["All[0].Url"]);
        Assert.NotEqual(appCompiled, File.GetLastWriteTimeUtc(appAssembly));

        async Task<IReadOnlyDictionary<string, string>> BuildAndRun()
        {
            var build = await app.BuildAsync().LoggedTo(output);
            Assert.True(build.Succeeded, build.ToString());
            var run = await app.RunAsync().LoggedTo(output);
            Assert.True(run.Succeeded, run.ToString());
            return Consumer.Values(run);
        }

        static string Seed(string url, string text) => $"[A story]({url})\n------\n\n<div><p>{text}</p></div>\n";
    }

    /// <summary>
    /// The simple names of an assembly's types (nested ones too), of its attributes and of its fields that hold a constant,
    /// and its shard's claims constant.
    /// </summary>
    private static (string[] Types, string[] Attributes, string[] Constants, string Claims) Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToArray();
        var attributes = metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(a => metadata.GetCustomAttribute(a).Constructor)
            .Where(c => c.Kind == HandleKind.MemberReference)
            .Select(c => metadata.GetMemberReference((MemberReferenceHandle)c).Parent)
            .Where(p => p.Kind == HandleKind.TypeReference)
            .Select(p => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)p).Name))
            .ToArray();
        // Every chunk class has its own H0, T0 and Html: names repeat.
        var constants = metadata.FieldDefinitions
            .Select(metadata.GetFieldDefinition)
            .Where(f => !f.GetDefaultValue().IsNil)
            .Select(f => (Name: metadata.GetString(f.Name), Value: metadata.GetBlobReader(metadata.GetConstant(f.GetDefaultValue()).Value)))
            .ToArray();
        var claims = constants.Single(c => c.Name == "Claims").Value;
        return (types, attributes, [.. constants.Select(c => c.Name)], claims.ReadUTF16(claims.Length));
    }
}
