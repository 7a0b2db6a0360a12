DefinitionBlock ("", "SSDT", 2, "HOTMEM", "HMPCSSDT", 0x00000001)
{
