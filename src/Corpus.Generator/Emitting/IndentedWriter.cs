using System;
using System.Text;

namespace Corpus.Generator.Emitting;

/// <summary>A small writer for generated C#: lines with four-space indentation and LF line ends on every machine.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder;
    private int _depth;

    public IndentedWriter(int capacity = 1024)
        : this(new StringBuilder(capacity))
    {
    }

    /// <summary>Writes into <paramref name="builder"/>, after what it holds (a pooled builder, see <see cref="CorpusEmitter"/>).</summary>
    public IndentedWriter(StringBuilder builder) => _builder = builder;

    /// <summary>
    /// One line holding a string literal: <paramref name="prefix"/>, the quoted, escaped <paramref name="value"/>, then
    /// <paramref name="suffix"/>. The value is escaped straight into the output, with no intermediate string.
    /// </summary>
    /// <param name="plain">Written inside the quotes before the value, as is: only characters that need no escape (digits, ':').</param>
    public IndentedWriter Literal(string prefix, string value, string suffix, string plain = "")
    {
        _builder.Append(' ', _depth * 4).Append(prefix).Append('"').Append(plain);
        CSharpLiteral.AppendEscaped(_builder, value);
        _builder.Append('"').Append(suffix).Append('\n');
        return this;
    }

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
