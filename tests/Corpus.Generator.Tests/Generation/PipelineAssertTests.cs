using System.Collections.Generic;
using System.Collections.Immutable;
using Corpus.Generator.Model;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace Corpus.Generator.Tests.Generation;

/// <summary>The model walk of the incremental tests must itself be able to fail, or it proves nothing.</summary>
public sealed class PipelineAssertTests
{
    private sealed record Holder(object Value);

    [Fact]
    public void Plain_records_strings_numbers_and_equatable_arrays_pass()
    {
        PipelineAssert.IsPlainValue(new Holder(new SeedKey("id", "Member", "seeds/id.txt")));
        PipelineAssert.IsPlainValue(new Holder(new[] { "a", "b" }.ToEquatableArray()));
        PipelineAssert.IsPlainValue(new Holder(ImmutableArray.Create(1, 2)));
    }

    [Fact]
    public void A_list_array_or_dictionary_is_rejected()
    {
        Assert.Throws<TrueException>(() => PipelineAssert.IsPlainValue(new Holder(new List<string> { "a" })));
        Assert.Throws<TrueException>(() => PipelineAssert.IsPlainValue(new Holder(new[] { 1, 2 })));
        Assert.Throws<TrueException>(() => PipelineAssert.IsPlainValue(new Holder(new Dictionary<string, int>())));
    }

    [Fact]
    public void Roslyn_objects_are_rejected()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        Assert.Throws<FalseException>(() => PipelineAssert.IsPlainValue(new Holder(tree)));
        Assert.Throws<FalseException>(() => PipelineAssert.IsPlainValue(new Holder(tree.GetRoot())));
        Assert.Throws<FalseException>(() => PipelineAssert.IsPlainValue(new Holder(CSharpCompilation.Create("x"))));
        Assert.Throws<FalseException>(() => PipelineAssert.IsPlainValue(new Holder(new SeedFile("/p/x.txt", "text"))));
        Assert.Throws<FalseException>(() => PipelineAssert.IsPlainValue(new Holder(tree.GetText())));
    }
}
