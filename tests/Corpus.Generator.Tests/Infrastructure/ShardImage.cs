using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>What a compiled shard holds of its size, read from its metadata by hand.</summary>
internal static class ShardImage
{
    /// <summary>
    /// The shard's <c>ConstantsKibibytes</c> (-1 without it), and the UTF-16 bytes of the constants of its nested
    /// classes: its chunks' and its index segments' data, what NativeAOT would keep.
    /// </summary>
    public static (int Written, long DataBytes) Sizes(PEReader pe)
    {
        var metadata = pe.GetMetadataReader();
        var written = -1;
        long dataBytes = 0;
        foreach (var field in metadata.FieldDefinitions.Select(metadata.GetFieldDefinition).Where(f => !f.GetDefaultValue().IsNil))
        {
            var value = metadata.GetBlobReader(metadata.GetConstant(field.GetDefaultValue()).Value);
            if (metadata.GetString(field.Name) == "ConstantsKibibytes")
            {
                written = value.ReadInt32();
            }
            else if (!metadata.GetTypeDefinition(field.GetDeclaringType()).GetDeclaringType().IsNil)
            {
                dataBytes += value.Length;
            }
        }

        return (written, dataBytes);
    }
}
