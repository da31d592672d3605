using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Corpus.Generator.Emitting;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The runtime files are written into the consumer's namespace as they are: what they may declare, and how, is a
/// contract with <see cref="RuntimeSource"/>'s tables (the reserved names of CORPUS011, the access modifiers of the
/// generated part).
/// </summary>
public sealed class RuntimeSourceTests
{
    private static readonly IReadOnlyList<(string FileName, CompilationUnitSyntax Root)> Files = RuntimeSource.Files
        .Select(f => (f.FileName, (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(f.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp9)).GetRoot()))
        .ToList();

    [Fact]
    public void Every_file_of_the_runtime_project_is_embedded()
    {
        var onDisk = Directory.GetFiles(Repository.File("src", "Corpus.Runtime"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, RuntimeSource.Files.Select(f => f.FileName));
        foreach (var (fileName, text) in RuntimeSource.Files)
        {
            Assert.Equal(File.ReadAllText(Repository.File("src", "Corpus.Runtime", fileName)).ReplaceLineEndings("\n").TrimEnd('\n'), text);
        }
    }

    [Fact]
    public void The_files_declare_no_namespace_and_import_nothing()
    {
        foreach (var (fileName, root) in Files)
        {
            Assert.True(root.Usings.Count == 0, fileName + " has a using directive: name the type with global:: instead.");
            Assert.True(!root.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(), fileName + " declares a namespace: the generator writes it into the consumer's.");
        }
    }

    [Fact]
    public void The_top_level_types_are_the_reserved_names_declared_as_the_generated_part_expects()
    {
        var classes = Files.SelectMany(f => f.Root.Members.OfType<ClassDeclarationSyntax>()).ToList();
        Assert.All(classes, c => Assert.True(c.Modifiers.Any(SyntaxKind.PartialKeyword), c.Identifier.Text + " is not partial: the generated part cannot give it its access modifier."));
        Assert.All(classes, c => Assert.False(
            c.Modifiers.Any(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword),
            c.Identifier.Text + " has an access modifier: the generated part gives it."));
        Assert.Equal(
            RuntimeSource.PublicClasses.Concat(RuntimeSource.InternalClasses).Order(StringComparer.Ordinal),
            classes.Select(c => c.Identifier.Text).Distinct().Order(StringComparer.Ordinal));

        // An enum cannot be partial: it reads its visibility from the symbol the generator defines.
        var enums = Files.SelectMany(f => f.Root.Members.OfType<EnumDeclarationSyntax>().Select(e => (f.Root, Enum: e))).ToList();
        Assert.Equal(RuntimeSource.PublicEnums.Order(StringComparer.Ordinal), enums.Select(e => e.Enum.Identifier.Text).Order(StringComparer.Ordinal));
        Assert.All(enums, e => Assert.Contains("#if " + RuntimeSource.PublicSymbol, e.Root.ToFullString(), StringComparison.Ordinal));

        Assert.DoesNotContain(Files.SelectMany(f => f.Root.Members), m => m is not (ClassDeclarationSyntax or EnumDeclarationSyntax));
        Assert.Equal(RuntimeSource.TypeNames.Order(StringComparer.Ordinal), RuntimeSource.PublicClasses.Concat(RuntimeSource.PublicEnums).Concat(RuntimeSource.InternalClasses).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    public void The_API_types_take_the_visibility_and_the_reader_stays_internal(string visibility)
    {
        var project = new CorpusProject().WithProjectSeed();
        project.Properties["CorpusVisibility"] = visibility;
        var result = project.Generate().AssertCompiles();

        using var stream = new MemoryStream();
        Assert.True(result.Output.Emit(stream).Success);
        var context = new AssemblyLoadContext("corpus-visibility-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(stream.ToArray()));
            var api = RuntimeSource.PublicClasses.Concat(RuntimeSource.PublicEnums).Append("Articles");
            Assert.All(api, name => Assert.Equal(visibility == "public", assembly.GetType("Consumer." + name, throwOnError: true)!.IsPublic));
            Assert.All(RuntimeSource.InternalClasses, name => Assert.False(assembly.GetType("Consumer." + name, throwOnError: true)!.IsPublic));
            Assert.All(RuntimeSource.PublicClasses.Concat(RuntimeSource.InternalClasses), name =>
                Assert.NotNull(assembly.GetType("Consumer." + name)!.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>()));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_project_that_allows_unsafe_code_gets_the_runtime_that_reads_constants_in_place_and_the_same_values()
    {
        GenerationResult Generate(bool allowUnsafe)
        {
            var project = new CorpusProject { AllowUnsafe = allowUnsafe }.WithProjectSeed();
            project.PreprocessorSymbols.AddRange(["NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET8_0_OR_GREATER"]);
            return project.Generate().AssertCompiles();
        }

        var inPlace = Generate(allowUnsafe: true);
        var reflection = Generate(allowUnsafe: false);
        var runtimeFiles = RuntimeSource.Files.Select(f => RuntimeSource.HintName(f.FileName)).ToList();
        Assert.All(runtimeFiles, hint => Assert.Contains("#define " + RuntimeSource.InPlaceSymbol + "\n", inPlace.Source(hint), StringComparison.Ordinal));
        Assert.All(runtimeFiles, hint => Assert.DoesNotContain("#define " + RuntimeSource.InPlaceSymbol, reflection.Source(hint), StringComparison.Ordinal));
        Assert.Equivalent(reflection.Load().All, inPlace.Load().All, strict: true);
    }

    [Fact]
    public void Types_of_the_consumer_named_like_framework_types_change_nothing()
    {
        // The runtime is written into the consumer's namespace: a simple name such as Uri would find the consumer's type.
        var project = new CorpusProject().WithProjectSeed();
        project.Sources.Add("""
            namespace Consumer
            {
                internal sealed class Uri { }
                internal sealed class String { }
                internal sealed class Type { }
                internal sealed class Array { }
                internal sealed class StringComparer { }
                internal sealed class Volatile { }
                internal static class Threading { }
            }

            namespace Consumer.System
            {
                internal sealed class Uri { }
            }
            """);

        var corpus = project.Generate().Load();
        Assert.Equal("000_153ef59660deb970", corpus.FindByUrl(corpus.All.Single().Url.OriginalString)?.Id);
    }

    [Fact]
    public void The_generated_code_compiles_for_a_netstandard2_0_library()
    {
        // What the SDK defines for netstandard2.0: no NET5_0_OR_GREATER, so the trim attributes are left out.
        var project = new CorpusProject().WithProjectSeed();
        project.PreprocessorSymbols.AddRange(["NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD1_0_OR_GREATER", "NETSTANDARD2_0_OR_GREATER"]);
        project.LanguageVersion = LanguageVersion.CSharp9;
        var path = typeof(RuntimeSourceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NetStandard20Reference").Value!;
        Assert.True(File.Exists(path), "The netstandard2.0 reference assembly was not downloaded: " + path);
        var compilation = project.CreateCompilation().WithReferences(MetadataReference.CreateFromFile(path));

        project.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Corpus.Runtime.ArticleStore.g.cs", StringComparison.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
