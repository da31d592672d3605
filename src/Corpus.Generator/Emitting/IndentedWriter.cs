using System;
using System.Text;

namespace Corpus.Generator.Emitting;

/// <summary>A small writer for generated C#: lines with four-space indentation and LF line ends on every machine.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder;
    private int _depth;

    public IndentedWriter(int capacity = 1024) => _builder = new StringBuilder(capacity);

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes several lines of a template; its own indentation is kept relative to the current depth.</summary>
    public IndentedWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Opens a block: writes <paramref name="header"/>, then <c>{</c>; dispose the result to close it.</summary>
    public Block Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Block(this);
    }

    private void Close(string closing)
    {
        _depth--;
        Line(closing);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;

        public Block(IndentedWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close("}");
    }
}
