extern alias CorpusRuntimeLibrary;

using System;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// CORPUS019 (issue 21): a project that ends with no article is told so, at the project, with where it looked. The
/// folder's facts come from the package's CorpusCountSeedsFolder target (its real build: EndToEnd, PackageTests.SeedPaths).
/// </summary>
public sealed class EmptyCorpusTests
{
    private static readonly MetadataReference Runtime = MetadataReference.CreateFromImage(
        System.IO.File.ReadAllBytes(typeof(CorpusRuntimeLibrary::Corpus.CorpusShardAttribute).Assembly.Location));

    private static string? Warning(CorpusProject project) =>
        project.Generate().GeneratorDiagnostics.SingleOrDefault(d => d.Id == "CORPUS019") is { } found
            ? found.Severity + ": " + found.GetMessage(CultureInfo.InvariantCulture) + (found.Location == Location.None ? string.Empty : " at " + found.Location)
            : null;

    private static CorpusProject Project(string? textFiles)
    {
        var project = new CorpusProject();
        project.Properties["CorpusSeedsDirectory"] = "../../seeds";
        project.Properties["CorpusSeedsFolder"] = "/seeds/";
        if (textFiles is not null)
        {
            project.Properties["CorpusSeedsFolderTextFiles"] = textFiles;
        }

        return project;
    }

    [Fact]
    public void No_seed_is_a_warning_at_the_project_naming_the_folder_and_its_txt_files()
    {
        Assert.Equal(
            "Warning: The project has no article: no seed was found; CorpusSeedsDirectory is '../../seeds', the folder /seeds/, which holds 0 .txt files. Put seed files (*.txt) in that folder, set CorpusSeedsDirectory to the folder that holds them (relative to the project), or list seeds elsewhere as <AdditionalFiles Include=\"path/to/*.txt\" CorpusSeed=\"true\" />.",
            Warning(Project("0")));
        Assert.Contains("the folder /seeds/, which does not exist. Put seed files", Warning(Project("absent")), StringComparison.Ordinal);
        Assert.Contains("which holds 1,234 .txt files. Its files are left out by items (CorpusSeed=\"false\" or Remove)", Warning(Project("1234")), StringComparison.Ordinal);

        var off = Project("3");
        off.Properties["EnableDefaultCorpusSeeds"] = "false";
        Assert.Contains("which holds 3 .txt files (not read: EnableDefaultCorpusSeeds is false). Set EnableDefaultCorpusSeeds to true", Warning(off), StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_that_all_fail_to_read_are_an_empty_corpus_too_and_one_read_seed_is_not()
    {
        var failing = Project(null).WithSeed("seeds/bad.txt", "no separator\n").WithSeed("seeds/worse.txt", "no separator either\n");
        Assert.StartsWith("Warning: The project has no article: none of its 2 seeds could be read; CorpusSeedsDirectory is '../../seeds', the folder /seeds/", Warning(failing), StringComparison.Ordinal);
        Assert.EndsWith("Fix the errors reported for the seeds.", Warning(failing), StringComparison.Ordinal);

        Assert.Null(Warning(Project("1").WithProjectSeed()));
        Assert.Null(Warning(failing.WithProjectSeed()));
    }

    [Fact]
    public void An_app_whose_shards_bring_articles_has_a_corpus_and_a_shard_without_seeds_has_none()
    {
        var shard = new CorpusProject { AssemblyName = "News" };
        shard.Properties["RootNamespace"] = "News";
        shard.Properties["CorpusShard"] = "true";
        shard.Properties["CorpusSeedsPath"] = CorpusProject.Directory + "seeds/";
        shard.References.Add(Runtime);
        Assert.Equal(
            $"Warning: The project has no article: no seed was found; CorpusSeedsDirectory is 'seeds', the folder {CorpusProject.Directory}seeds/, whose .txt files the shard collects when it builds. Put seed files (*.txt) in that folder, set CorpusSeedsDirectory to the folder that holds them (relative to the project), or list seeds elsewhere as <AdditionalFiles Include=\"path/to/*.txt\" CorpusSeed=\"true\" />.",
            Warning(WithDirectory(shard)));

        shard.WithProjectSeed();
        var app = Project("0");
        app.References.Add(Runtime);
        app.References.Add(MetadataReference.CreateFromImage(shard.Generate().Image()));
        Assert.Null(Warning(app));

        static CorpusProject WithDirectory(CorpusProject project)
        {
            project.Properties["CorpusSeedsDirectory"] = "seeds";
            return project;
        }
    }

    [Fact]
    public void Corpus_Runtime_itself_has_no_corpus_to_have()
    {
        var library = Project("0");
        library.Properties["CorpusRuntimeLibrary"] = "true";

        Assert.Null(Warning(library));
    }
}
