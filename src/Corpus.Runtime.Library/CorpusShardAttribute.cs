using System;
using System.ComponentModel;

namespace Corpus
{
    /// <summary>
    /// Marks an assembly as a corpus shard: Corpus.Generator writes it into every project with
    /// <c>&lt;CorpusShard&gt;true&lt;/CorpusShard&gt;</c>, and the generator of an app that references the shard finds the
    /// shard's articles by it. Not for use by hand.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class CorpusShardAttribute : Attribute
    {
        /// <summary>
        /// The data format this library reads. A shard written in another format, or an app's generator that writes
        /// another, is a build error in the app (CORPUS018), never a failure at run time.
        /// </summary>
        public const int ReadableFormat = 3;

        /// <param name="dataClass">The shard's data class: its <c>Store</c> and <c>Claims</c>.</param>
        /// <param name="format">The data format the shard's generator wrote.</param>
        /// <param name="count">How many articles the shard holds.</param>
        public CorpusShardAttribute(Type dataClass, int format, int count)
        {
            DataClass = dataClass;
            Format = format;
            Count = count;
        }

        /// <summary>The shard's data class.</summary>
        public Type DataClass { get; }

        /// <summary>The data format the shard's generator wrote.</summary>
        public int Format { get; }

        /// <summary>How many articles the shard holds.</summary>
        public int Count { get; }
    }
}
